import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ContactsByDayChart } from "@/components/charts/contacts-by-day";
import { FunnelChart } from "@/components/charts/funnel";
import { RateOverTimeChart } from "@/components/charts/rate-over-time";
import { CallerTable } from "@/components/dashboard/caller-table";
import { EscalationActions } from "@/components/groups/escalation-actions";
import { StepLine } from "@/components/payouts/step-line";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { Marked, markData } from "@/components/ui/user-data";
import { percentOf } from "@/lib/dashboard/progress";
import { groupDashboardData } from "@/lib/dashboard/queries";
import { groupEscalations } from "@/lib/groups/queries";
import { renderText, type Text, type TranslateFn } from "@/lib/i18n/text";
import { yuan } from "@/lib/subsidy";
import { enrollmentsNeeded, formatPermille, ratePermilleOf } from "@/lib/subsidy/money";
import { beijingDaysBetween } from "@/lib/time";

export interface DashboardGroup {
  id: string;
  name: string;
  leaderId: string | null;
  leader: { name: string } | null;
}

/**
 * One group's dashboard: figures against 93% / 95%, the per-caller table, the charts, and (for the
 * group's own leader) the escalation queue. Shared by the leader's /groups and the drill-down page.
 */
export async function GroupDashboard({
  campaign,
  group,
  viewerId,
  showBack,
}: {
  campaign: { id: string; basicRatePermille: number; targetRatePermille: number };
  group: DashboardGroup;
  viewerId: string;
  showBack: boolean;
}) {
  const t = await getTranslations();
  const render = (sentence: Text) => renderText(t as unknown as TranslateFn, sentence);
  const now = new Date();
  const basic = campaign.basicRatePermille;
  const target = campaign.targetRatePermille;
  const { callers, funnel, days, bonus, workload } = await groupDashboardData(campaign.id, group, now);
  const rate = ratePermilleOf(funnel.enrolled, funnel.admitted);
  const gap = (goal: number) => {
    const needed = enrollmentsNeeded(funnel.enrolled, funnel.admitted, goal);
    return needed === 0
      ? t("dashboard.reachedRate", { rate: percentOf(goal) })
      : t("dashboard.needMore", { count: needed, rate: percentOf(goal) });
  };
  const standard = { contacts: workload.contactsPerAssigned, minutes: workload.minutesPerAssigned };
  const isLeader = group.leaderId === viewerId;

  return (
    <>
      {showBack ? (
        <Link href="/groups" className="mb-2 inline-block text-sm text-brand-700 hover:underline">
          {t("dashboard.backToAll")}
        </Link>
      ) : null}
      <PageHeader
        title={<span lang="zh">{group.name}</span>}
        subtitle={
          group.leader ? (
            <Marked sentence={t("dashboard.leaderLine", { name: markData(group.leader.name) })} />
          ) : (
            t("dashboard.noLeader")
          )
        }
      >
        <div className="flex flex-wrap gap-2">
          <Link
            href={`/groups/${group.id}/weekly`}
            className="inline-flex min-h-9 items-center rounded-lg bg-brand-600 px-3 text-sm text-white hover:bg-brand-700"
            data-testid="weekly-link"
          >
            {t("dashboard.weeklyLink")}
          </Link>
          {isLeader ? (
            <Link
              href={`/groups/${group.id}/assignments`}
              className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50"
            >
              {t("dashboard.reassign")}
            </Link>
          ) : null}
          {isLeader ? (
            <Link
              href={`/worklists?group=${group.id}`}
              className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50"
              data-testid="worklist-link"
            >
              {t("worklists.groupLink")}
            </Link>
          ) : null}
          <ExportLink href={`/groups/${group.id}/export`}>{t("dashboard.exportTable")}</ExportLink>
          <ExportLink href={`/api/exports/group?groupId=${group.id}`}>{t("exports.group")}</ExportLink>
        </div>
      </PageHeader>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-5" data-testid="group-figures">
        <Stat label={t("dashboard.submitted")} value={funnel.submitted} />
        <Stat label={t("dashboard.admitted")} value={funnel.admitted} />
        <Stat label={t("dashboard.enrolled")} value={funnel.enrolled} hint={t("enrollmentDashboard.claimedHint")} />
        <Stat
          label={t("enrollmentDashboard.confirmed")}
          value={<span data-testid="group-confirmed">{funnel.confirmed}</span>}
          hint={t("enrollmentDashboard.confirmedHint", {
            rate: formatPermille(ratePermilleOf(funnel.confirmed, funnel.admitted)),
          })}
        />
        <Stat
          label={t("groups.rate")}
          value={formatPermille(rate)}
          tone={rate === null ? "default" : rate >= basic ? "good" : "warn"}
          hint={
            <>
              <span className="block">{gap(basic)}</span>
              <span className="block">{gap(target)}</span>
            </>
          }
        />
      </div>

      {bonus ? (
        <details className="mt-3 rounded-xl border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm">
          <summary className="cursor-pointer">
            {t("dashboard.leaderBonusLabel", { label: t("dashboard.leaderBonus") })}
            <span className="font-semibold tabular-nums">{render(yuan(bonus.leaderBonusFen))}</span>{" "}
            <span className="text-brand-700">{t("dashboard.leaderBonusHow")}</span>
          </summary>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-slate-700">
            {bonus.steps.map((step, index) => (
              // the steps are an ordered derivation: their position is their identity
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>
                <StepLine step={step} names={new Map(Object.entries(bonus.names))} render={render} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}

      <Card
        title={t("dashboard.callersTitle")}
        action={<span className="text-xs text-slate-500">{t("dashboard.standard", standard)}</span>}
        className="mt-4"
      >
        {callers.length === 0 ? (
          <EmptyState>{t("dashboard.noCallers")}</EmptyState>
        ) : (
          <CallerTable rows={callers} basic={basic} target={target} standard={standard} />
        )}
      </Card>

      <div className="mt-4 grid gap-4 lg:grid-cols-3">
        <Card title={t("charts.contactsByDay")}>
          {days.contacts.length === 0 ? (
            <EmptyState>{t("charts.noContacts")}</EmptyState>
          ) : (
            <ContactsByDayChart days={days.contacts} />
          )}
        </Card>
        <Card title={t("charts.funnel")}>
          <FunnelChart funnel={funnel} />
        </Card>
        <Card title={t("charts.rateOverTime")}>
          {days.rate.length === 0 ? (
            <EmptyState>{t("charts.noRate")}</EmptyState>
          ) : (
            <RateOverTimeChart days={days.rate} basic={basic} target={target} />
          )}
        </Card>
      </div>

      {isLeader ? <EscalationQueue groupId={group.id} /> : null}
    </>
  );
}

async function EscalationQueue({ groupId }: { groupId: string }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const escalations = await groupEscalations(groupId);
  const open = escalations.filter((e) => e.status === "OPEN");
  return (
    <Card title={t("leaderQueue.title", { count: open.length })} className="mt-4">
      {escalations.length === 0 ? (
        <EmptyState>{t("leaderQueue.empty")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" data-testid="leader-escalations">
          {escalations.map((e) => (
            <li key={e.id} className="py-3">
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div>
                  <div className="font-medium">
                    <span lang="zh">{e.candidate.name}</span>{" "}
                    <span className="text-xs text-slate-500 tabular-nums">{e.candidate.examNo}</span>
                  </div>
                  <div className="text-sm text-slate-600">
                    {t(`escalation.reason.${e.reason}`)} ·{" "}
                    <Marked sentence={t("leaderQueue.from", { name: markData(e.fromUser.name) })} /> ·{" "}
                    {t("strike.days", { count: beijingDaysBetween(e.createdAt, now) })}
                  </div>
                </div>
                <Badge tone={e.status === "OPEN" ? "warn" : "default"}>{t(`escalation.status.${e.status}`)}</Badge>
              </div>
              {e.note ? (
                <p className="mt-1 text-sm" data-testid="escalation-note">
                  <Marked sentence={t("workspace.escalationNote", { note: markData(e.note) })} />
                </p>
              ) : null}
              <ul className="mt-1 text-xs text-slate-500">
                {e.candidate.contactLogs.map((l) => (
                  <li key={l.id}>
                    {format.dateTime(l.startedAt, {
                      month: "numeric",
                      day: "numeric",
                      hour: "2-digit",
                      minute: "2-digit",
                    })}{" "}
                    {t(`channel.${l.channel}`)} ·{" "}
                    {t.has(`outcome.${l.outcome}`) ? t(`outcome.${l.outcome}` as "outcome.GUIDED") : l.outcome}
                  </li>
                ))}
              </ul>
              {e.advice ? (
                <p className="mt-1 text-sm">
                  <Marked sentence={t("workspace.advice", { advice: markData(e.advice) })} />
                </p>
              ) : null}
              {e.status === "OPEN" ? (
                <div className="mt-2">
                  <EscalationActions escalationId={e.id} version={e.version} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
