import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { SeverityBadge, StatusBadge } from "@/components/incidents/badges";
import { IncidentForm } from "@/components/incidents/incident-form";
import { InspectionTabs } from "@/components/inspection/tabs";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { incidentPeople, incidentRegister } from "@/lib/incidents/queries";
import { beijingDateTime } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("incidents"))("title") };
}

type Row = Awaited<ReturnType<typeof incidentRegister>>[number];

export default async function IncidentsPage() {
  const user = await requirePermission("incident.view");
  const t = await getTranslations("incidents");
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const writes = can(user.roles, "incident.record");
  const [rows, people] = await Promise.all([
    incidentRegister(campaign.id),
    writes ? incidentPeople(campaign.id) : null,
  ]);
  const columns: Column<Row>[] = [
    {
      key: "title",
      label: t("field.title"),
      primary: true,
      cell: (r) => (
        <Link href={`/inspection/incidents/${r.id}`} className="text-brand-700 underline" data-testid="incident-link">
          <Zh>{r.title}</Zh>
        </Link>
      ),
    },
    { key: "kind", label: t("field.kind"), cell: (r) => t(`kind.${r.kind}`) },
    { key: "severity", label: t("field.severity"), cell: (r) => <SeverityBadge severity={r.severity} /> },
    { key: "status", label: t("list.status"), cell: (r) => <StatusBadge status={r.status} /> },
    {
      key: "at",
      label: t("list.reportedAt"),
      cell: (r) =>
        format.dateTime(r.reportedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
    },
    { key: "owner", label: t("list.owner"), cell: (r) => (r.owner ? <Zh>{r.owner.name}</Zh> : t("list.noOwner")) },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      {can(user.roles, "inspection.view") ? <InspectionTabs active="incidents" /> : null}
      <div className="grid gap-4 md:grid-cols-3">
        <section className={writes ? "md:col-span-2" : "md:col-span-3"} aria-label={t("title")} data-testid="incidents">
          <Card title={t("list.count", { count: rows.length })}>
            {writes ? null : <p className="mb-3 text-sm text-slate-600">{t("readOnly")}</p>}
            {rows.length === 0 ? (
              <EmptyState>{t("empty")}</EmptyState>
            ) : (
              <Table columns={columns} rows={rows} rowKey={(r) => r.id} caption={t("title")} />
            )}
          </Card>
        </section>
        {people ? (
          <Card title={t("new")} className="self-start">
            <IncidentForm
              now={beijingDateTime(new Date())}
              staff={people.staff.map((p) => ({
                id: p.id,
                label: p.group ? t("field.staffOption", { name: p.name, group: p.group }) : p.name,
              }))}
              inspectors={people.inspectors.filter((p) => p.id !== user.id).map((p) => ({ id: p.id, label: p.name }))}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
