import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { QualificationForm } from "@/components/inspection/qualification-form";
import { InspectionTabs } from "@/components/inspection/tabs";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { qualificationList } from "@/lib/inspection/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection.staff"))("title") };
}

type Row = Awaited<ReturnType<typeof qualificationList>>[number];

const TONE = { PENDING: "warn", APPROVED: "good", REJECTED: "bad" } as const;

export default async function QualificationPage() {
  const user = await requirePermission("inspection.view");
  const mayReview = can(user.roles, "staff.qualify");
  const t = await getTranslations("inspection");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const rows = await qualificationList(campaign.id);
  const count = (s: Row["qualification"]) => rows.filter((r) => r.qualification === s).length;
  const columns: Column<Row>[] = [
    {
      key: "name",
      label: t("staff.columns.name"),
      cell: (r) => (
        <span data-testid={`qualification-${r.user.login}`}>
          <Zh>{r.user.name}</Zh> <code className="text-xs text-slate-500">{r.user.login}</code>
        </span>
      ),
      primary: true,
    },
    {
      key: "group",
      label: t("staff.columns.group"),
      cell: (r) => (r.group ? <Zh>{r.group.name}</Zh> : t("staff.noGroup")),
    },
    { key: "source", label: t("staff.columns.source"), cell: (r) => t(`staff.source.${r.source}`) },
    {
      key: "training",
      label: t("staff.columns.training"),
      cell: (r) =>
        t("staff.training", {
          done: new Set(r.trainings.map((a) => a.session.topic)).size,
          result:
            r.assessments[0] === undefined
              ? t("staff.notAssessed")
              : r.assessments[0].passed
                ? t("staff.passed")
                : t("staff.failed"),
        }),
    },
    {
      key: "status",
      label: t("staff.columns.status"),
      cell: (r) => (
        <span className="inline-flex flex-col items-end gap-0.5 md:items-start">
          <Badge tone={TONE[r.qualification]}>{t(`staff.status.${r.qualification}`)}</Badge>
          {r.reviewedBy ? (
            <span className="text-xs text-slate-500">
              {withData((v) => t("staff.reviewedBy", v), { name: r.reviewedBy.name })}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: "reason",
      label: t("staff.columns.reason"),
      cell: (r) => (
        <span className="inline-flex flex-col gap-0.5">
          {r.qualificationReason ? <Zh>{r.qualificationReason}</Zh> : <span>—</span>}
          {r.qualification === "REJECTED" && r.user._count.assignedCandidates > 0 ? (
            <span className="text-xs text-rose-700">
              {t("staff.holdsCandidates", { count: r.user._count.assignedCandidates })}
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: "action",
      label: t("staff.columns.action"),
      align: "right",
      cell: (r) =>
        mayReview ? <QualificationForm profileId={r.id} login={r.user.login} status={r.qualification} /> : "—",
    },
  ];
  return (
    <>
      <PageHeader title={t("title")} subtitle={t("staff.subtitle")} />
      <InspectionTabs active="staff" />
      <Card
        title={t("staff.title")}
        action={
          <span className="text-sm text-slate-600" data-testid="qualification-summary">
            {t("staff.summary", {
              pending: count("PENDING"),
              approved: count("APPROVED"),
              rejected: count("REJECTED"),
            })}
          </span>
        }
      >
        {rows.length === 0 ? (
          <EmptyState>{t("staff.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={rows} rowKey={(r) => r.id} caption={t("staff.title")} />
        )}
      </Card>
    </>
  );
}
