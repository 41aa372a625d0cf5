import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StepLine } from "@/components/payouts/step-line";
import { Badge } from "@/components/ui/card";
import { Marked, markData } from "@/components/ui/user-data";
import { renderText, type Text, type TranslateFn } from "@/lib/i18n/text";
import type { FindingRow } from "@/lib/inspection/queries";
import { type SubsidyPolicy, yuan } from "@/lib/subsidy";
import { fromDateColumn } from "@/lib/time";
import { FollowUpButtons } from "./follow-up-buttons";

/** One finding: kind, deduction, deadline, follow-up, and its money effect on the caller (before/after). */
export async function FindingCard({
  finding,
  policy,
  now,
  showLogLink = true,
  followUp = true,
}: {
  finding: FindingRow;
  policy: SubsidyPolicy;
  now: Date;
  showLogLink?: boolean;
  /** the follow-up buttons, for those who record inspections (not the leadership's read-only spot-check) */
  followUp?: boolean;
}) {
  const t = await getTranslations("inspection");
  const root = await getTranslations();
  const render = (sentence: Text) => renderText(root as unknown as TranslateFn, sentence);
  const format = await getFormatter();
  const f = finding;
  const overdue = f.correctionDeadline !== null && f.correctionDeadline < now && f.corrected !== true;
  // 诋毁他人 costs what the policy says now; the other kinds what the inspector entered
  const percentCut = f.kind === "SLANDER" ? policy.slander.deductionPercent : (f.deductionPercent ?? 0);
  const costsMoney = f.kind === "MISTAKEN_WITHDRAWAL" || percentCut > 0;
  const deduction =
    f.kind === "MISTAKEN_WITHDRAWAL"
      ? t("findings.halved", { percent: policy.mistakenWithdrawal.payoutPercent })
      : percentCut > 0
        ? t("findings.deduction", { percent: percentCut })
        : t("findings.noDeduction");
  const effect = f.effect;
  return (
    <article
      id={`finding-${f.id}`}
      className="scroll-mt-4 space-y-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid="finding"
    >
      <header className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">
            <span lang="zh">{f.caller.name}</span> · {t(`kind.${f.kind}`)}
          </h3>
          <p className="text-xs text-slate-500">
            <Marked
              sentence={t("findings.recordedBy", {
                inspector: markData(f.inspector.name),
                at: format.dateTime(f.createdAt, {
                  month: "numeric",
                  day: "numeric",
                  hour: "2-digit",
                  minute: "2-digit",
                }),
              })}
            />
          </p>
        </div>
        <div className="flex flex-wrap gap-1">
          <Badge tone={costsMoney ? "bad" : "warn"}>{deduction}</Badge>
          <Badge tone={f.corrected === true ? "good" : f.corrected === false ? "bad" : "default"}>
            {f.corrected === true
              ? t("findings.corrected")
              : f.corrected === false
                ? t("findings.notCorrected")
                : t("findings.pending")}
          </Badge>
        </div>
      </header>
      <p className="text-sm whitespace-pre-wrap" lang="zh">
        {f.description}
      </p>
      <p className="text-sm text-slate-600">
        {f.correctionDeadline
          ? t("findings.deadline", {
              date: format.dateTime(f.correctionDeadline, { year: "numeric", month: "numeric", day: "numeric" }),
            })
          : t("findings.noDeadline")}{" "}
        {overdue ? <Badge tone="bad">{t("findings.overdue")}</Badge> : null}
      </p>

      <section className="rounded-lg bg-slate-50 p-3" data-testid="money-effect">
        <h4 className="mb-2 text-sm font-medium">{t("findings.money")}</h4>
        {effect === null ? (
          <p className="text-sm text-slate-600">{t("findings.notPaid")}</p>
        ) : (
          <>
            <dl className="grid grid-cols-3 gap-2 text-center">
              <div>
                <dt className="text-xs text-slate-500">{t("findings.before")}</dt>
                <dd className="font-semibold tabular-nums" data-testid="subsidy-before">
                  {render(yuan(effect.beforeFen))}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("findings.after")}</dt>
                <dd className="font-semibold tabular-nums" data-testid="subsidy-after">
                  {render(yuan(effect.afterFen))}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-slate-500">{t("findings.change")}</dt>
                <dd
                  className={`font-semibold tabular-nums ${effect.afterFen < effect.beforeFen ? "text-rose-700" : ""}`}
                  data-testid="subsidy-change"
                >
                  {effect.afterFen < effect.beforeFen ? "−" : ""}
                  {render(yuan(Math.abs(effect.beforeFen - effect.afterFen)))}
                </dd>
              </div>
            </dl>
            {effect.beforeFen === 0 ? <p className="mt-2 text-xs text-slate-600">{t("findings.noMoney")}</p> : null}
            <details className="mt-2 text-xs text-slate-600">
              <summary className="cursor-pointer">{t("findings.lines")}</summary>
              <ol className="mt-1 list-decimal space-y-0.5 pl-5">
                {effect.steps.map((step, i) => (
                  // the steps are a fixed sequence for one payout; the index is their identity
                  // biome-ignore lint/suspicious/noArrayIndexKey: ordered explanation steps
                  <li key={i}>
                    <StepLine step={step} names={new Map([[f.callerId, f.caller.name]])} render={render} />
                  </li>
                ))}
              </ol>
            </details>
          </>
        )}
      </section>

      <footer className="flex flex-wrap items-center justify-between gap-2">
        {followUp ? <FollowUpButtons findingId={f.id} corrected={f.corrected} /> : <span />}
        {f.patrol ? (
          <Link
            href={`/inspection/patrols#patrol-${f.patrol.id}`}
            className="text-sm text-brand-700 underline"
            data-testid="finding-patrol"
          >
            <Marked
              sentence={t("patrols.fromPatrol", {
                day: fromDateColumn(f.patrol.day),
                place: markData(f.patrol.place),
              })}
            />
          </Link>
        ) : null}
        {showLogLink && f.inspection ? (
          <Link href={`/inspection/logs/${f.inspection.contactLogId}`} className="text-sm text-brand-700 underline">
            {t("findings.fromLog")}
          </Link>
        ) : null}
      </footer>
    </article>
  );
}
