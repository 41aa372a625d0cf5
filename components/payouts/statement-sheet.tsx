import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Marked, markData } from "@/components/ui/user-data";
import type { PayoutPerson, StatementSection } from "@/lib/payouts/statements";
import { formatPermille } from "@/lib/subsidy/money";

/** The run a statement belongs to, as the page read it. */
export interface StatementRun {
  version: number;
  signedOffBy: string;
  /** the sign-off moment, already formatted for the reader */
  signedOffWhen: string;
}

/** Frozen lines, shown as signed: Chinese, numbered. */
function Lines({ lines }: { lines: string[] }) {
  if (lines.length === 0) return null;
  return (
    <ol lang="zh-CN" className="mt-1 list-decimal space-y-0.5 pl-5 text-xs font-normal leading-relaxed text-slate-600">
      {lines.map((line, index) => (
        // the lines are an ordered derivation: their position is their identity
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={index}>{line}</li>
      ))}
    </ol>
  );
}

function AmountRow({
  label,
  amount,
  lines,
  note,
  strong = false,
  testId,
}: {
  label: string;
  amount: string;
  lines?: string[];
  /** how the amount is made up, in the reader's language (or user data, marked), above the frozen lines */
  note?: React.ReactNode;
  strong?: boolean;
  testId?: string;
}) {
  return (
    <tr className={`border-t border-slate-200 align-top ${strong ? "font-semibold" : ""}`}>
      <td className="py-2 pr-2">
        <div>{label}</div>
        {note ? <p className="mt-1 text-xs font-normal text-slate-600">{note}</p> : null}
        <Lines lines={lines ?? []} />
      </td>
      <td className="whitespace-nowrap py-2 text-right tabular-nums" data-testid={testId}>
        {amount}
      </td>
    </tr>
  );
}

/**
 * One person's payout statement of a signed-off run, one A4 page when printed: who issues it (the
 * heading's `issuer`), the run, the person, each amount with the frozen lines that explain it, the total
 * and a line to sign on.
 */
export async function StatementSheet({
  issuer,
  run,
  person,
  login,
  money,
  singleHref,
}: {
  issuer: string;
  run: StatementRun;
  person: PayoutPerson;
  login: string;
  /** fen as the reader reads an amount ("1,330.00 元") */
  money: (fen: number) => string;
  /** this person's statement alone; absent when it is the only one shown */
  singleHref?: string;
}) {
  const t = await getTranslations("payouts.statements");
  const lines = (section: StatementSection) => person.explanation[section];
  return (
    <article
      className="break-after-page rounded-xl border border-slate-200 bg-white p-4 shadow-sm last:break-after-auto sm:p-8 print:rounded-none print:border-0 print:p-0 print:shadow-none"
      data-testid="statement"
      data-person={person.personId}
    >
      <header className="border-b border-slate-300 pb-3 text-center">
        <p className="text-sm text-slate-600" lang="zh">
          {issuer}
        </p>
        <h2 className="mt-1 text-xl font-semibold">{t("title")}</h2>
        <p className="mt-1 text-xs text-slate-500">
          <Marked
            sentence={t("run", { version: run.version, name: markData(run.signedOffBy), when: run.signedOffWhen })}
          />
        </p>
      </header>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr_auto_1fr]">
        <dt className="text-slate-500">{t("person")}</dt>
        <dd lang="zh" className="font-medium" data-testid="statement-name">
          {person.name}
        </dd>
        <dt className="text-slate-500">{t("login")}</dt>
        <dd>{login || "—"}</dd>
        <dt className="text-slate-500">{t("group")}</dt>
        <dd lang="zh">{person.groups.join(" / ") || "—"}</dd>
      </dl>
      {person.admitted === null ? null : (
        <p className="mt-2 text-sm text-slate-600">
          {t("figures", {
            admitted: person.admitted,
            enrolled: person.enrolled ?? 0,
            rate: formatPermille(person.ratePermille),
          })}
        </p>
      )}
      <table className="mt-4 w-full text-sm">
        <thead>
          <tr className="text-left text-xs text-slate-500">
            <th scope="col" className="pb-1 font-medium">
              {t("item")}
            </th>
            <th scope="col" className="pb-1 text-right font-medium">
              {t("amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          <AmountRow label={t("phone")} amount={money(person.subsidyFen)} lines={lines("phone")} />
          <AmountRow
            label={t("overtime")}
            amount={money(person.overtimeFen)}
            lines={lines("overtime")}
            // the reason as the admin entered it (staff pool), frozen with the run
            note={
              person.overtimeReason && person.overtimeFen > 0 ? (
                <span lang="zh" data-testid="statement-overtime-reason">
                  {person.overtimeReason}
                </span>
              ) : undefined
            }
          />
          {/* 生源报备 appears only when the points paid money: by default they are recorded, not paid */}
          {person.registrationFen > 0 ? (
            <AmountRow
              label={t("registrations")}
              amount={money(person.registrationFen)}
              lines={lines("registrations")}
              testId="statement-registrations"
            />
          ) : null}
          {person.leads ? (
            <AmountRow label={t("leaderBonus")} amount={money(person.leaderBonusFen)} lines={lines("leaderBonus")} />
          ) : null}
          <AmountRow
            label={t("deductions")}
            amount={person.deductionFen === null ? t("deductionsUnknown") : money(person.deductionFen)}
          />
          <AmountRow
            label={t("total")}
            amount={money(person.totalFen)}
            lines={lines("total")}
            // the frozen total line is the caller's own; a leader's bonus adds to it
            note={
              !person.leads
                ? undefined
                : person.registrationFen > 0
                  ? t("sumWithRegistrations", {
                      phone: money(person.subsidyFen),
                      overtime: money(person.overtimeFen),
                      registrations: money(person.registrationFen),
                      bonus: money(person.leaderBonusFen),
                    })
                  : t("sum", {
                      phone: money(person.subsidyFen),
                      overtime: money(person.overtimeFen),
                      bonus: money(person.leaderBonusFen),
                    })
            }
            strong
            testId="statement-total"
          />
        </tbody>
      </table>
      <div className="mt-10 grid gap-6 text-sm sm:grid-cols-2 print:grid-cols-2">
        <p className="flex items-end gap-2">
          <span className="whitespace-nowrap">{t("signature")}</span>
          <span className="h-6 flex-1 border-b border-slate-500" />
        </p>
        <p className="flex items-end gap-2">
          <span className="whitespace-nowrap">{t("date")}</span>
          <span className="h-6 flex-1 border-b border-slate-500" />
        </p>
      </div>
      {singleHref ? (
        <p className="mt-4 text-right text-sm print:hidden">
          <Link className="text-brand-700 underline-offset-2 hover:underline" href={singleHref}>
            {t("onlyThis")}
          </Link>
        </p>
      ) : null}
    </article>
  );
}
