import { getTranslations } from "next-intl/server";
import { StepLine } from "@/components/payouts/step-line";
import { Badge, Card, EmptyState, Stat } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { renderText, type Text, type TranslateFn } from "@/lib/i18n/text";
import { nameMap } from "@/lib/payouts/names";
import type { PayoutSnapshot } from "@/lib/payouts/runs";
import { type CallerPayout, formatPermille, type GroupPayout, type SubsidyStep, yuan } from "@/lib/subsidy";

/**
 * The explanation of one payout, one step a line, folded so a table of 48 stays readable: the live
 * steps in the reader's language, or a signed-off version's frozen Chinese lines as they were signed.
 */
// On a desktop the lines open as a panel over the table, so one explanation does not stretch its row.
function Explanation({
  steps,
  frozen,
  names,
  render,
  label,
  testId,
}: {
  steps: SubsidyStep[];
  frozen: string[] | undefined;
  names: ReadonlyMap<string, string>;
  render: (sentence: Text) => string;
  label: string;
  testId: string;
}) {
  return (
    <details className="relative text-left" data-testid={testId}>
      <summary className="cursor-pointer select-none text-brand-700 underline-offset-2 hover:underline">
        {label}
      </summary>
      <ol
        lang={frozen === undefined ? undefined : "zh-CN"}
        className="mt-2 list-decimal space-y-1 pl-5 text-xs leading-relaxed text-slate-700 md:absolute md:right-0 md:z-10 md:w-[30rem] md:rounded-lg md:border md:border-slate-200 md:bg-white md:p-4 md:pl-8 md:shadow-lg"
      >
        {frozen === undefined
          ? steps.map((step, index) => (
              // the steps are an ordered derivation: their position is their identity
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <StepLine step={step} names={names} render={render} />
              </li>
            ))
          : frozen.map((line, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>{line}</li>
            ))}
      </ol>
    </details>
  );
}

function Money({ text, testId }: { text: string; testId?: string }) {
  return (
    <span className="whitespace-nowrap text-lg sm:text-2xl" data-testid={testId}>
      {text}
    </span>
  );
}

/**
 * One payout, projected or frozen: the totals, every caller with their explanation, every leader's
 * bonus. The same view reads both, so a signed-off version looks exactly as it did when signed.
 */
export async function PayoutView({
  snapshot,
  groupId,
  children,
}: {
  snapshot: PayoutSnapshot;
  groupId?: string;
  /** shown between the totals and the tables (the sign-off on the current projection) */
  children?: React.ReactNode;
}) {
  const t = await getTranslations("payouts");
  const root = await getTranslations();
  const render = (sentence: Text) => renderText(root as unknown as TranslateFn, sentence);
  const money = (fen: number) => render(yuan(fen));
  const { result, input, names, frozen } = snapshot;
  const idNames = nameMap(names);
  const inputById = new Map(input.callers.map((c) => [c.callerId, c]));
  const callers = result.callers.filter((c) => !groupId || inputById.get(c.callerId)?.groupId === groupId);
  const groups = result.groups.filter((g) => !groupId || g.groupId === groupId);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  // runs signed before registrations were paid have no registrationFen
  const registrationFen = (c: CallerPayout) => c.registrationFen ?? 0;
  const registrationsTotal = sum(result.callers.map(registrationFen));

  const callerColumns: Column<CallerPayout>[] = [
    {
      key: "name",
      label: t("columns.name"),
      cell: (c) => <span lang="zh">{names.people[c.callerId] ?? c.callerId}</span>,
      primary: true,
    },
    {
      key: "group",
      label: t("columns.group"),
      cell: (c) => {
        const name = names.groups[inputById.get(c.callerId)?.groupId ?? ""];
        return name === undefined ? "—" : <span lang="zh">{name}</span>;
      },
    },
    {
      key: "enrolled",
      label: t("columns.enrolled"),
      cell: (c) => `${inputById.get(c.callerId)?.enrolled ?? 0}/${inputById.get(c.callerId)?.admitted ?? 0}`,
      align: "right",
    },
    {
      key: "rate",
      label: t("columns.rate"),
      cell: (c) => (c.ratePermille === null ? t("noRate") : formatPermille(c.ratePermille)),
      align: "right",
    },
    { key: "perStudent", label: t("columns.perStudent"), cell: (c) => money(c.perStudentFen), align: "right" },
    { key: "subsidy", label: t("columns.subsidy"), cell: (c) => money(c.subsidyFen), align: "right" },
    { key: "overtime", label: t("columns.overtime"), cell: (c) => money(c.overtimeFen), align: "right" },
    // 生源报备积分 only when the campaign's points paid money to someone (by default they pay none)
    ...(registrationsTotal > 0
      ? [
          {
            key: "registrations",
            label: t("columns.registrations"),
            cell: (c: CallerPayout) => money(registrationFen(c)),
            align: "right" as const,
          },
        ]
      : []),
    {
      key: "flags",
      label: t("columns.award"),
      cell: (c) => (
        <span className="inline-flex flex-wrap justify-end gap-1">
          {c.meetsMinimumWorkload ? null : <Badge tone="warn">{t("workloadMissed")}</Badge>}
          {c.inBottomRank ? <Badge tone="bad">{t("bottomRank")}</Badge> : null}
          <Badge tone={c.awardEligible ? "good" : "default"}>{c.awardEligible ? t("awardKept") : t("awardLost")}</Badge>
        </span>
      ),
    },
    {
      key: "explain",
      label: t("explain"),
      cell: (c) => (
        <Explanation
          steps={c.steps}
          frozen={frozen?.callers[c.callerId]}
          names={idNames}
          render={render}
          label={t("explain")}
          testId={`explain-${c.callerId}`}
        />
      ),
    },
  ];
  const groupColumns: Column<GroupPayout>[] = [
    {
      key: "group",
      label: t("columns.group"),
      cell: (g) => <span lang="zh">{names.groups[g.groupId] ?? g.groupId}</span>,
      primary: true,
    },
    {
      key: "leader",
      label: t("columns.leader"),
      cell: (g) => {
        const name = names.people[g.leaderId];
        return name === undefined ? "—" : <span lang="zh">{name}</span>;
      },
    },
    {
      key: "rate",
      label: t("columns.groupRate"),
      cell: (g) => (g.ratePermille === null ? t("noRate") : formatPermille(g.ratePermille)),
      align: "right",
    },
    { key: "bonus", label: t("columns.bonus"), cell: (g) => money(g.leaderBonusFen), align: "right" },
    {
      key: "award",
      label: t("columns.award"),
      cell: (g) => (
        <Badge tone={g.awardEligible ? "good" : "default"}>{g.awardEligible ? t("awardKept") : t("awardLost")}</Badge>
      ),
    },
    {
      key: "explain",
      label: t("explain"),
      cell: (g) => (
        <Explanation
          steps={g.steps}
          frozen={frozen?.groups[g.groupId]}
          names={idNames}
          render={render}
          label={t("explain")}
          testId={`explain-${g.groupId}`}
        />
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label={t("total")} value={<Money text={money(result.totalFen)} testId="payout-total" />} />
        <Stat label={t("callerSubsidy")} value={<Money text={money(sum(result.callers.map((c) => c.subsidyFen)))} />} />
        <Stat label={t("overtime")} value={<Money text={money(sum(result.callers.map((c) => c.overtimeFen)))} />} />
        {registrationsTotal > 0 ? (
          <Stat label={t("registrations")} value={<Money text={money(registrationsTotal)} />} />
        ) : null}
        <Stat
          label={t("leaderBonus")}
          value={<Money text={money(sum(result.groups.map((g) => g.leaderBonusFen)))} />}
        />
        <Stat
          label={t("inspectionAward")}
          value={result.inspectionTeamAwardEligible ? t("inspectionAwardKept") : t("inspectionAwardLost")}
          tone={result.inspectionTeamAwardEligible ? "good" : "bad"}
        />
      </div>
      {children}
      <Card title={t("callersTitle")}>
        {callers.length === 0 ? (
          <EmptyState>{t("empty")}</EmptyState>
        ) : (
          <Table columns={callerColumns} rows={callers} rowKey={(c) => c.callerId} caption={t("callersTitle")} />
        )}
      </Card>
      {groups.length > 0 ? (
        <Card title={t("groupsTitle")}>
          <Table columns={groupColumns} rows={groups} rowKey={(g) => g.groupId} caption={t("groupsTitle")} />
        </Card>
      ) : null}
    </div>
  );
}
