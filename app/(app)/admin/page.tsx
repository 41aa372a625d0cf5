import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { PhaseCalendar } from "@/components/campaign/phase-calendar";
import { LatestNotices } from "@/components/inbox/latest-notices";
import { LeadershipIncidents } from "@/components/incidents/leadership-card";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { campaignOverview } from "@/lib/admin/queries";
import { can, type Permission } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { mismatchCountsOf } from "@/lib/enrollment/queries";
import { seesLeadershipIncidents } from "@/lib/incidents/status";
import { formatPermille } from "@/lib/subsidy/money";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

type Overview = Awaited<ReturnType<typeof campaignOverview>>;

/**
 * The admin area's pages, each shown to whoever holds its permission (the app's navigation, in
 * lib/auth/permissions.ts, is the same shape of list one level up: its areas).
 */
const ADMIN_PAGES = [
  { href: "/admin/staff", permission: "staff.manage", label: "admin.manageStaff" },
  { href: "/admin/groups", permission: "groups.manage", label: "roster.admin.adminLink" },
  { href: "/admin/settings", permission: "campaign.configure", label: "settings.adminLink" },
  { href: "/admin/campaigns", permission: "campaign.configure", label: "campaigns.adminLink" },
  { href: "/admin/imports", permission: "import.run", label: "admin.importLists" },
  { href: "/admin/withdrawals", permission: "withdrawal.bundle", label: "admin.reviewWithdrawals" },
  { href: "/staff-pool", permission: "overtime.enter", label: "training.adminLink" },
  { href: "/admin/team", permission: "team.data.manage", label: "teams.adminLink" },
  { href: "/inspection/incidents", permission: "incident.view", label: "incidents.adminLink" },
  { href: "/admin/scripts", permission: "scripts.edit", label: "scripts.adminLink" },
] as const satisfies readonly { href: string; permission: Permission; label: string }[];

export default async function AdminPage() {
  const user = await requirePermission("admin.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const o = await campaignOverview(campaign.id);
  // where callers' 已报到 claims and the record disagree, for the data team to resolve
  const mismatches = can(user.roles, "enrollment.confirm") ? await mismatchCountsOf(campaign.id) : null;
  // action codes ("user.setActive") are nested keys; one without a label yet shows as its code
  const label = (namespace: "auditActions" | "entities", code: string) =>
    t.has(`${namespace}.${code}`) ? t(`${namespace}.${code}` as "auditActions.demo.seed") : code;
  const when = (d: Date) =>
    format.dateTime(d, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const auditColumns: Column<Overview["audit"][number]>[] = [
    { key: "time", label: t("admin.columns.time"), cell: (a) => when(a.createdAt), primary: true },
    {
      key: "actor",
      label: t("admin.columns.actor"),
      cell: (a) => (a.actor ? <Zh>{a.actor.name}</Zh> : t("admin.system")),
    },
    { key: "action", label: t("admin.columns.action"), cell: (a) => label("auditActions", a.action) },
    { key: "entity", label: t("admin.columns.entity"), cell: (a) => label("entities", a.entityType) },
  ];
  const importColumns: Column<Overview["imports"][number]>[] = [
    { key: "time", label: t("admin.columns.time"), cell: (b) => when(b.createdAt), primary: true },
    {
      key: "kind",
      label: t("admin.columns.kind"),
      cell: (b) => t(`imports.kinds.${b.kind.toLowerCase()}` as "imports.kinds.toudang"),
    },
    { key: "file", label: t("admin.columns.file"), cell: (b) => <Zh>{b.fileName}</Zh> },
    { key: "status", label: t("admin.columns.status"), cell: (b) => t(`imports.status.${b.status}`) },
    { key: "rows", label: t("admin.columns.rows"), cell: (b) => b.rowsRead, align: "right" },
  ];
  return (
    <>
      <PhaseBanner campaign={campaign} now={new Date()} />
      <PhaseCalendar windows={campaign.phaseWindows} now={new Date()} />
      <LatestNotices />
      {seesLeadershipIncidents(user.roles) ? <LeadershipIncidents campaignId={campaign.id} /> : null}
      <PageHeader
        title={<Zh>{campaign.name}</Zh>}
        subtitle={`${t("admin.planSize")} ${t("common.people", { count: campaign.planSize })} · ${t("admin.targets", { basic: formatPermille(campaign.basicRatePermille), target: formatPermille(campaign.targetRatePermille) })}`}
      />
      <h2 className="mb-2 text-sm font-medium text-slate-500">{t("admin.pipeline")}</h2>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("admin.submitted")} value={o.pipeline.submitted} />
        <Stat label={t("admin.admitted")} value={o.pipeline.admitted} />
        <Stat label={t("admin.paid")} value={o.pipeline.paid} />
        <Stat label={t("admin.enrolled")} value={o.pipeline.enrolled} />
      </div>
      <div className="mt-4 grid gap-4 md:grid-cols-2">
        <Card title={t("admin.phases")}>
          <ol className="space-y-2 text-sm" data-testid="phase-windows">
            {campaign.phaseWindows.map((w) => {
              const state = now < w.opensAt ? "upcoming" : now >= w.closesAt ? "closed" : "open";
              return (
                <li key={w.id} className="flex items-center justify-between gap-2">
                  <span>
                    {w.phase}. {t(`phases.${w.phase}` as "phases.1")}
                    <span className="ml-2 text-slate-500 tabular-nums">
                      {format.dateTime(w.opensAt, { month: "numeric", day: "numeric" })} –{" "}
                      {format.dateTime(w.closesAt, { month: "numeric", day: "numeric" })}
                    </span>
                  </span>
                  <Badge tone={state === "open" ? "good" : "default"}>{t(`phases.state.${state}`)}</Badge>
                </li>
              );
            })}
          </ol>
        </Card>
        <div className="grid grid-cols-2 content-start gap-3">
          <Stat label={t("admin.staff")} value={o.staff} />
          <Stat label={t("admin.groups")} value={o.groups} />
          {ADMIN_PAGES.filter((p) => can(user.roles, p.permission)).map((p) => (
            <Link
              key={p.href}
              href={p.href}
              className="col-span-2 inline-flex min-h-9 items-center text-sm text-brand-700 underline"
            >
              {t(p.label)}
            </Link>
          ))}
          {mismatches ? (
            <Link
              href="/admin/enrollment"
              className="col-span-2 inline-flex min-h-9 items-center text-sm text-brand-700 underline"
              data-testid="enrollment-mismatch-link"
            >
              {t("recordedEnrollment.adminLink", {
                count: mismatches.claimedNotRecorded + mismatches.recordedNotClaimed + mismatches.confirmedNotOnList,
              })}
            </Link>
          ) : null}
          {can(user.roles, "campaign.export") ? (
            <span className="col-span-2">
              <ExportLink href="/api/exports/campaign">{t("exports.campaign")}</ExportLink>
            </span>
          ) : null}
        </div>
      </div>
      <Card
        title={t("admin.imports")}
        className="mt-4"
        action={
          can(user.roles, "import.run") ? (
            <Link href="/admin/imports" className="text-sm text-brand-700 underline">
              {t("admin.manageImports")}
            </Link>
          ) : null
        }
      >
        {o.imports.length === 0 ? (
          <EmptyState>{t("admin.importsEmpty")}</EmptyState>
        ) : (
          <Table columns={importColumns} rows={o.imports} rowKey={(b) => b.id} />
        )}
      </Card>
      {can(user.roles, "audit.view") ? (
        <Card title={t("admin.audit")} className="mt-4">
          {o.audit.length === 0 ? (
            <EmptyState>{t("admin.auditEmpty")}</EmptyState>
          ) : (
            <Table columns={auditColumns} rows={o.audit} rowKey={(a) => a.id} />
          )}
        </Card>
      ) : null}
    </>
  );
}
