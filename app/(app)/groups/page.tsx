import { differenceInCalendarDays } from "date-fns";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { EscalationActions } from "@/components/groups/escalation-actions";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { type Column, Table } from "@/components/ui/table";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { enrollmentsNeeded, formatPermille, ratePermille } from "@/lib/campaign/rates";
import {
  type CallerFigures,
  type GroupFigures,
  groupEscalations,
  groupsOverview,
  leaderGroup,
} from "@/lib/groups/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("areas"))("groups") };
}

export default async function GroupsPage() {
  const user = await requirePermission("groups.view");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      {can(user.roles, "groups.viewAll") ? (
        <AllGroups
          campaignId={campaign.id}
          basic={campaign.basicRatePermille}
          target={campaign.targetRatePermille}
          planSize={campaign.planSize}
        />
      ) : (
        <OwnGroup
          leaderId={user.id}
          campaignId={campaign.id}
          basic={campaign.basicRatePermille}
          target={campaign.targetRatePermille}
        />
      )}
    </>
  );
}

/** "7 more to reach 93.0%", or "93.0% reached". */
function gapText(t: Awaited<ReturnType<typeof getTranslations>>, needed: number, goal: number) {
  return needed === 0
    ? `${formatPermille(goal)} ${t("groups.reached")}`
    : t("groups.gapBasic", { count: needed, rate: formatPermille(goal) });
}

function RateBadge({ permille, basic, target }: { permille: number | null; basic: number; target: number }) {
  const tone = permille === null ? "default" : permille >= target ? "good" : permille >= basic ? "info" : "warn";
  return <Badge tone={tone}>{formatPermille(permille)}</Badge>;
}

async function AllGroups({
  campaignId,
  basic,
  target,
  planSize,
}: {
  campaignId: string;
  basic: number;
  target: number;
  planSize: number;
}) {
  const t = await getTranslations();
  const groups = await groupsOverview(campaignId);
  const admitted = groups.reduce((sum, g) => sum + g.admitted, 0);
  const enrolled = groups.reduce((sum, g) => sum + g.enrolled, 0);
  const rate = ratePermille(enrolled, admitted);
  const gap = (g: GroupFigures, goal: number) => {
    const needed = enrollmentsNeeded(g.enrolled, g.admitted, goal);
    return needed === 0 ? (
      <Badge tone="good">{t("groups.reached")}</Badge>
    ) : (
      <span className="tabular-nums">{t("common.people", { count: needed })}</span>
    );
  };
  const columns: Column<GroupFigures>[] = [
    { key: "group", label: t("groups.columns.group"), cell: (g) => g.name, primary: true },
    { key: "leader", label: t("groups.columns.leader"), cell: (g) => g.leaderName ?? "—" },
    { key: "assigned", label: t("groups.columns.assigned"), cell: (g) => g.assigned, align: "right" },
    { key: "admitted", label: t("groups.columns.admitted"), cell: (g) => g.admitted, align: "right" },
    { key: "enrolled", label: t("groups.columns.enrolled"), cell: (g) => g.enrolled, align: "right" },
    {
      key: "rate",
      label: t("groups.columns.rate"),
      cell: (g) => <RateBadge permille={ratePermille(g.enrolled, g.admitted)} basic={basic} target={target} />,
      align: "right",
    },
    { key: "gap93", label: t("groups.columns.gap93"), cell: (g) => gap(g, basic), align: "right" },
    { key: "gap95", label: t("groups.columns.gap95"), cell: (g) => gap(g, target), align: "right" },
  ];
  return (
    <>
      <PageHeader
        title={t("groups.titleAll")}
        subtitle={`${t("groups.basic", { rate: formatPermille(basic) })} · ${t("groups.target", { rate: formatPermille(target) })}`}
      >
        <ExportLink href="/api/exports/campaign">{t("exports.campaign")}</ExportLink>
      </PageHeader>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("groups.plan")} value={planSize} />
        <Stat label={t("groups.admitted")} value={admitted} />
        <Stat label={t("groups.enrolled")} value={enrolled} />
        <Stat
          label={t("groups.rate")}
          value={formatPermille(rate)}
          tone={rate !== null && rate >= basic ? "good" : "warn"}
          hint={gapText(t, enrollmentsNeeded(enrolled, admitted, basic), basic)}
        />
      </div>
      <Card className="mt-4">
        {groups.length === 0 ? (
          <EmptyState>{t("common.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={groups} rowKey={(g) => g.id} caption={t("groups.titleAll")} />
        )}
      </Card>
    </>
  );
}

async function OwnGroup({
  leaderId,
  campaignId,
  basic,
  target,
}: {
  leaderId: string;
  campaignId: string;
  basic: number;
  target: number;
}) {
  const t = await getTranslations();
  const mine = await leaderGroup(leaderId, campaignId);
  if (!mine) return <EmptyState>{t("groups.noGroup")}</EmptyState>;
  const perCandidate = (value: number, c: CallerFigures) => (c.assigned === 0 ? "—" : (value / c.assigned).toFixed(1));
  const columns: Column<CallerFigures>[] = [
    { key: "caller", label: t("groups.columns.caller"), cell: (c) => c.name, primary: true },
    { key: "assigned", label: t("groups.columns.assigned"), cell: (c) => c.assigned, align: "right" },
    { key: "admitted", label: t("groups.columns.admitted"), cell: (c) => c.admitted, align: "right" },
    { key: "enrolled", label: t("groups.columns.enrolled"), cell: (c) => c.enrolled, align: "right" },
    {
      key: "rate",
      label: t("groups.columns.rate"),
      cell: (c) => <RateBadge permille={ratePermille(c.enrolled, c.admitted)} basic={basic} target={target} />,
      align: "right",
    },
    { key: "contacts", label: t("groups.columns.contacts"), cell: (c) => perCandidate(c.contacts, c), align: "right" },
    {
      key: "minutes",
      label: t("groups.columns.minutes"),
      cell: (c) => perCandidate(c.seconds / 60, c),
      align: "right",
    },
  ];
  const admitted = mine.callers.reduce((s, c) => s + c.admitted, 0);
  const enrolled = mine.callers.reduce((s, c) => s + c.enrolled, 0);
  return (
    <>
      <PageHeader
        title={mine.group.name}
        subtitle={`${t("groups.rate")} ${formatPermille(ratePermille(enrolled, admitted))} · ${gapText(t, enrollmentsNeeded(enrolled, admitted, basic), basic)}`}
      >
        <ExportLink href={`/api/exports/group?groupId=${mine.group.id}`}>{t("exports.group")}</ExportLink>
      </PageHeader>
      <Card>
        <Table columns={columns} rows={mine.callers} rowKey={(c) => c.callerId} caption={mine.group.name} />
      </Card>
      <EscalationQueue groupId={mine.group.id} />
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
                    {e.candidate.name} <span className="text-xs text-slate-500 tabular-nums">{e.candidate.examNo}</span>
                  </div>
                  <div className="text-sm text-slate-600">
                    {t(`escalation.reason.${e.reason}`)} · {t("leaderQueue.from", { name: e.fromUser.name })} ·{" "}
                    {t("strike.days", { count: differenceInCalendarDays(now, e.createdAt) })}
                  </div>
                </div>
                <Badge tone={e.status === "OPEN" ? "warn" : "default"}>{t(`escalation.status.${e.status}`)}</Badge>
              </div>
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
              {e.advice ? <p className="mt-1 text-sm">{t("workspace.advice", { advice: e.advice })}</p> : null}
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
