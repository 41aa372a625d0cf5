import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { PhaseCalendar } from "@/components/campaign/phase-calendar";
import { GroupDashboard } from "@/components/groups/group-dashboard";
import { GroupRoster } from "@/components/groups/group-roster";
import { WeeklyBadge } from "@/components/groups/weekly-badge";
import { LatestNotices } from "@/components/inbox/latest-notices";
import { LeadershipIncidents } from "@/components/incidents/leadership-card";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { type Column, Table } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { type CurrentCampaign, currentCampaign } from "@/lib/campaign/queries";
import { percentOf } from "@/lib/dashboard/progress";
import { campaignFigures, campaignGroups, type GroupOverview, groupLedBy } from "@/lib/dashboard/queries";
import { renderText, type TranslateFn } from "@/lib/i18n/text";
import { seesLeadershipIncidents } from "@/lib/incidents/status";
import { enrollmentsNeeded, formatPermille, ratePermilleOf } from "@/lib/subsidy/money";
import { yuan } from "@/lib/subsidy/steps";
import { beijingDay, fromDateColumn } from "@/lib/time";
import { weekLabel } from "@/lib/weekly/draft";
import { recentSubmissions } from "@/lib/weekly/queries";
import { mastersProspectCount } from "@/lib/worklists/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("groups") };
}

export default async function GroupsPage() {
  const user = await requirePermission("groups.view");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  if (can(user.roles, "groups.viewAll")) {
    return (
      <>
        <PhaseBanner campaign={campaign} now={now} />
        <PhaseCalendar windows={campaign.phaseWindows} now={now} />
        <LatestNotices />
        {seesLeadershipIncidents(user.roles) ? <LeadershipIncidents campaignId={campaign.id} /> : null}
        <AllGroups campaign={campaign} now={now} mayOpenWorklists={can(user.roles, "worklist.view")} />
      </>
    );
  }
  const t = await getTranslations();
  const mine = await groupLedBy(campaign.id, user.id);
  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      <PhaseCalendar windows={campaign.phaseWindows} now={now} />
      <LatestNotices />
      {mine ? (
        <>
          <GroupDashboard campaign={campaign} group={mine} viewerId={user.id} showBack={false} />
          <GroupRoster
            campaignId={campaign.id}
            groupId={mine.id}
            today={beijingDay(now)}
            mayEdit={can(user.roles, "roster.edit")}
            mayDecide={can(user.roles, "leave.decide")}
          />
          {can(user.roles, "training.record") ? (
            <p className="mt-4 text-sm">
              <Link href="/staff-pool" className="text-brand-700" data-testid="staff-pool-link">
                {t("training.leaderLink")}
              </Link>
            </p>
          ) : null}
        </>
      ) : (
        <EmptyState>{t("groups.noGroup")}</EmptyState>
      )}
    </>
  );
}

function RateBadge({ permille, basic, target }: { permille: number | null; basic: number; target: number }) {
  const tone = permille === null ? "default" : permille >= target ? "good" : permille >= basic ? "info" : "warn";
  return <Badge tone={tone}>{formatPermille(permille)}</Badge>;
}

/** The callback lead's and admins' view: campaign figures, every group side by side, summaries arriving. */
async function AllGroups({
  campaign,
  now,
  mayOpenWorklists,
}: {
  campaign: CurrentCampaign;
  now: Date;
  mayOpenWorklists: boolean;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const basic = campaign.basicRatePermille;
  const target = campaign.targetRatePermille;
  const [figures, { lastWeek, groups }, recent, masters] = await Promise.all([
    campaignFigures(campaign),
    campaignGroups(campaign.id, now),
    recentSubmissions(campaign.id, 8),
    mastersProspectCount(campaign.id),
  ]);
  const gap = (g: GroupOverview, goal: number) => {
    const needed = enrollmentsNeeded(g.enrolled, g.admitted, goal);
    return needed === 0 ? (
      <Badge tone="good">{t("groups.reached")}</Badge>
    ) : (
      <span className="tabular-nums">{t("dashboard.gapCell", { count: needed })}</span>
    );
  };
  const per = (value: number, g: GroupOverview) => (g.assigned === 0 ? "—" : (value / g.assigned).toFixed(1));
  const columns: Column<GroupOverview>[] = [
    {
      key: "group",
      label: t("groups.columns.group"),
      primary: true,
      cell: (g) => (
        <Link href={`/groups/${g.id}`} className="text-brand-700 hover:underline" data-testid="group-link">
          <span lang="zh">{g.name}</span>
        </Link>
      ),
    },
    {
      key: "leader",
      label: t("groups.columns.leader"),
      cell: (g) => (g.leaderName ? <span lang="zh">{g.leaderName}</span> : "—"),
    },
    { key: "assigned", label: t("groups.columns.assigned"), cell: (g) => g.assigned, align: "right" },
    { key: "admitted", label: t("groups.columns.admitted"), cell: (g) => g.admitted, align: "right" },
    { key: "enrolled", label: t("groups.columns.enrolled"), cell: (g) => g.enrolled, align: "right" },
    { key: "confirmed", label: t("enrollmentDashboard.confirmed"), cell: (g) => g.confirmed, align: "right" },
    {
      key: "rate",
      label: t("groups.columns.rate"),
      cell: (g) => <RateBadge permille={ratePermilleOf(g.enrolled, g.admitted)} basic={basic} target={target} />,
      align: "right",
    },
    { key: "gap93", label: t("groups.columns.gap93"), cell: (g) => gap(g, basic), align: "right" },
    { key: "gap95", label: t("groups.columns.gap95"), cell: (g) => gap(g, target), align: "right" },
    {
      key: "workload",
      label: t("dashboard.workload"),
      align: "right",
      cell: (g) => (
        <span className="whitespace-nowrap tabular-nums">
          {t("dashboard.workloadCell", { contacts: per(g.contacts, g), minutes: per(g.seconds / 60, g) })}
        </span>
      ),
    },
    {
      key: "weekly",
      label: t("dashboard.weekly"),
      align: "right",
      cell: (g) => (
        <Link href={`/groups/${g.id}/weekly?week=${lastWeek}`} data-testid="weekly-status">
          <WeeklyBadge status={g.weekly.status} />
        </Link>
      ),
    },
  ];
  const rateGap = enrollmentsNeeded(figures.enrolled, figures.admitted, basic);
  return (
    <>
      <PageHeader
        title={t("groups.titleAll")}
        subtitle={`${t("groups.basic", { rate: percentOf(basic) })} · ${t("groups.target", { rate: percentOf(target) })}`}
      >
        <div className="flex flex-wrap items-center gap-2">
          {/* 专硕 prospects have their own list (a worklist) and count, for the lead to follow up */}
          {mayOpenWorklists ? (
            <Link
              href="/worklists?list=MASTERS"
              className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-700 hover:bg-slate-50"
              data-testid="masters-link"
            >
              {t("worklists.mastersCount", { count: masters })}
            </Link>
          ) : (
            <span className="text-sm text-slate-600">{t("worklists.mastersCount", { count: masters })}</span>
          )}
          <ExportLink href="/api/exports/campaign">{t("exports.campaign")}</ExportLink>
        </div>
      </PageHeader>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-6" data-testid="campaign-figures">
        <Stat label={t("dashboard.plan")} value={figures.planSize} />
        <Stat label={t("dashboard.admitted")} value={figures.admitted} />
        <Stat label={t("dashboard.enrolled")} value={figures.enrolled} hint={t("enrollmentDashboard.claimedHint")} />
        <Stat
          label={t("enrollmentDashboard.confirmed")}
          value={figures.confirmed}
          hint={t("enrollmentDashboard.confirmedHint", { rate: formatPermille(figures.confirmedRatePermille) })}
        />
        <Stat
          label={t("dashboard.rateNow")}
          value={formatPermille(figures.ratePermille)}
          tone={figures.ratePermille !== null && figures.ratePermille >= basic ? "good" : "warn"}
          hint={
            rateGap === 0
              ? t("dashboard.reachedRate", { rate: percentOf(basic) })
              : t("dashboard.needMore", { count: rateGap, rate: percentOf(basic) })
          }
        />
        <div className="col-span-2 md:col-span-1">
          <Stat
            label={t("dashboard.committed")}
            value={
              <span data-testid="committed">{renderText(t as unknown as TranslateFn, yuan(figures.committedFen))}</span>
            }
            hint={t("dashboard.committedHint")}
          />
        </div>
      </div>
      <Card title={t("dashboard.groupsTable")} className="mt-4">
        {groups.length === 0 ? (
          <EmptyState>{t("dashboard.noGroups")}</EmptyState>
        ) : (
          <div className="md:overflow-x-auto" data-testid="groups-table">
            <Table columns={columns} rows={groups} rowKey={(g) => g.id} caption={t("groups.titleAll")} />
          </div>
        )}
      </Card>
      <Card title={t("dashboard.recentReports")} className="mt-4">
        {recent.length === 0 ? (
          <EmptyState>{t("dashboard.noReports")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="recent-reports">
            {recent.map((r) => (
              <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link
                  href={`/groups/${r.group.id}/weekly?week=${fromDateColumn(r.weekStart)}`}
                  className="text-brand-700 hover:underline"
                >
                  <span lang="zh">{r.group.name}</span> ·{" "}
                  {weekLabel(fromDateColumn(r.weekStart), t as unknown as TranslateFn)}
                </Link>
                <span className="text-slate-500">
                  {r.submittedBy ? <span lang="zh">{r.submittedBy.name}</span> : "—"} ·{" "}
                  {r.submittedAt
                    ? format.dateTime(r.submittedAt, {
                        month: "numeric",
                        day: "numeric",
                        hour: "2-digit",
                        minute: "2-digit",
                      })
                    : ""}
                </span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
