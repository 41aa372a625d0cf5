import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { callerOverview, WORKLOAD_STANDARD } from "@/lib/calls/queries";
import { currentCampaign } from "@/lib/campaign/queries";
import { maskPhone } from "@/lib/campaign/rates";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calls"))("title") };
}

type Row = Awaited<ReturnType<typeof callerOverview>>["list"][number];

export default async function CallsPage() {
  const user = await requirePermission("calls.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const o = await callerOverview(user.id, campaign.id, now);
  const contactStandard = o.assigned * WORKLOAD_STANDARD.contactsPerCandidate;
  const minuteStandard = o.assigned * WORKLOAD_STANDARD.minutesPerCandidate;
  const contactsMet = o.contacts >= contactStandard;
  const minutesMet = o.minutes >= minuteStandard;

  const status = (c: Row) => {
    if (c.withdrawal === "APPROVED") return <Badge>{t("status.withdrawn")}</Badge>;
    if (!c.admitted) return <Badge>{t("status.notAdmitted")}</Badge>;
    if (c.enrollment === "ENROLLED") return <Badge tone="good">{t("status.enrolled")}</Badge>;
    if (c.enrollment === "NOT_ENROLLED") return <Badge tone="bad">{t("status.notEnrolled")}</Badge>;
    if (c.comeIntent === "WILL_NOT_COME") return <Badge tone="bad">{t("status.willNotCome")}</Badge>;
    if (c.comeIntent === "HESITANT") return <Badge tone="warn">{t("status.hesitant")}</Badge>;
    return <Badge tone="info">{t("status.admitted")}</Badge>;
  };
  const columns: Column<Row>[] = [
    { key: "name", label: t("calls.columns.name"), cell: (c) => c.name, primary: true },
    { key: "examNo", label: t("calls.columns.examNo"), cell: (c) => <span className="tabular-nums">{c.examNo}</span> },
    { key: "region", label: t("calls.columns.region"), cell: (c) => c.region },
    {
      key: "phone",
      label: t("calls.columns.phone"),
      cell: (c) => <span className="tabular-nums">{c.phones[0] ? maskPhone(c.phones[0]) : "—"}</span>,
    },
    { key: "status", label: t("calls.columns.status"), cell: status },
    {
      key: "last",
      label: t("calls.columns.lastContact"),
      cell: (c) =>
        c.lastContactAt ? format.relativeTime(c.lastContactAt, now) : <Badge tone="warn">{t("calls.never")}</Badge>,
    },
  ];

  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      <PageHeader title={t("calls.title")} />
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("calls.assigned")} value={o.assigned} />
        <Stat label={t("calls.contacted")} value={o.contacted} />
        <Stat
          label={t("calls.neverContacted")}
          value={o.neverContacted}
          tone={o.neverContacted > 0 ? "warn" : "good"}
        />
        <Stat label={t("calls.followUpDue")} value={o.followUpDue} tone={o.followUpDue > 0 ? "warn" : "default"} />
      </div>
      <Card title={t("calls.workload")} className="mt-4">
        <ul className="space-y-1 text-sm" data-testid="workload">
          <li className="flex items-center justify-between gap-2">
            <span className="tabular-nums">{t("calls.contacts", { done: o.contacts, standard: contactStandard })}</span>
            <Badge tone={contactsMet ? "good" : "warn"}>{contactsMet ? t("calls.met") : t("calls.short")}</Badge>
          </li>
          <li className="flex items-center justify-between gap-2">
            <span className="tabular-nums">{t("calls.minutes", { done: o.minutes, standard: minuteStandard })}</span>
            <Badge tone={minutesMet ? "good" : "warn"}>{minutesMet ? t("calls.met") : t("calls.short")}</Badge>
          </li>
        </ul>
      </Card>
      <Card title={t("calls.listTitle")} className="mt-4">
        <p className="mb-3 text-xs text-slate-500">{t("calls.listHint")}</p>
        {o.list.length === 0 ? (
          <EmptyState>{t("calls.emptyList")}</EmptyState>
        ) : (
          <Table columns={columns} rows={o.list} rowKey={(c) => c.id} caption={t("calls.listTitle")} />
        )}
      </Card>
    </>
  );
}
