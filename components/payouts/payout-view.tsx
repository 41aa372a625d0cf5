import { getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState, Stat } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withNames } from "@/lib/payouts/names";
import type { PayoutSnapshot } from "@/lib/payouts/runs";
import { type CallerPayout, formatPermille, formatYuan, type GroupPayout } from "@/lib/subsidy";

/** The explanation lib/subsidy wrote, one step a line, folded so a table of 48 stays readable. */
// On a desktop the lines open as a panel over the table, so one explanation does not stretch its row.
function Explanation({ lines, label, testId }: { lines: string[]; label: string; testId: string }) {
  return (
    <details className="relative text-left" data-testid={testId}>
      <summary className="cursor-pointer select-none text-brand-700 underline-offset-2 hover:underline">
        {label}
      </summary>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-xs leading-relaxed text-slate-700 md:absolute md:right-0 md:z-10 md:w-[30rem] md:rounded-lg md:border md:border-slate-200 md:bg-white md:p-4 md:pl-8 md:shadow-lg">
        {lines.map((line, index) => (
          // the lines are an ordered derivation: their position is their identity
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          <li key={index}>{line}</li>
        ))}
      </ol>
    </details>
  );
}

function Money({ fen, testId }: { fen: number; testId?: string }) {
  return (
    <span className="whitespace-nowrap text-lg sm:text-2xl" data-testid={testId}>
      {formatYuan(fen)}
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
  const { result, input, names } = snapshot;
  const idNames = new Map([...Object.entries(names.people), ...Object.entries(names.groups)]);
  const named = (lines: string[]) => withNames(lines, idNames);
  const inputById = new Map(input.callers.map((c) => [c.callerId, c]));
  const callers = result.callers.filter((c) => !groupId || inputById.get(c.callerId)?.groupId === groupId);
  const groups = result.groups.filter((g) => !groupId || g.groupId === groupId);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

  const callerColumns: Column<CallerPayout>[] = [
    { key: "name", label: t("columns.name"), cell: (c) => names.people[c.callerId] ?? c.callerId, primary: true },
    {
      key: "group",
      label: t("columns.group"),
      cell: (c) => names.groups[inputById.get(c.callerId)?.groupId ?? ""] ?? "—",
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
    { key: "perStudent", label: t("columns.perStudent"), cell: (c) => formatYuan(c.perStudentFen), align: "right" },
    { key: "subsidy", label: t("columns.subsidy"), cell: (c) => formatYuan(c.subsidyFen), align: "right" },
    { key: "overtime", label: t("columns.overtime"), cell: (c) => formatYuan(c.overtimeFen), align: "right" },
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
      cell: (c) => <Explanation lines={named(c.lines)} label={t("explain")} testId={`explain-${c.callerId}`} />,
    },
  ];
  const groupColumns: Column<GroupPayout>[] = [
    { key: "group", label: t("columns.group"), cell: (g) => names.groups[g.groupId] ?? g.groupId, primary: true },
    { key: "leader", label: t("columns.leader"), cell: (g) => names.people[g.leaderId] ?? "—" },
    {
      key: "rate",
      label: t("columns.groupRate"),
      cell: (g) => (g.ratePermille === null ? t("noRate") : formatPermille(g.ratePermille)),
      align: "right",
    },
    { key: "bonus", label: t("columns.bonus"), cell: (g) => formatYuan(g.leaderBonusFen), align: "right" },
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
      cell: (g) => <Explanation lines={named(g.lines)} label={t("explain")} testId={`explain-${g.groupId}`} />,
    },
  ];

  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-5">
        <Stat label={t("total")} value={<Money fen={result.totalFen} testId="payout-total" />} />
        <Stat label={t("callerSubsidy")} value={<Money fen={sum(result.callers.map((c) => c.subsidyFen))} />} />
        <Stat label={t("overtime")} value={<Money fen={sum(result.callers.map((c) => c.overtimeFen))} />} />
        <Stat label={t("leaderBonus")} value={<Money fen={sum(result.groups.map((g) => g.leaderBonusFen))} />} />
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
