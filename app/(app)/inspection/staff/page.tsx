import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { QualificationForm } from "@/components/inspection/qualification-form";
import { InspectionTabs } from "@/components/inspection/tabs";
import { AssessmentLine } from "@/components/staff/latest-assessment";
import { PoolBadge } from "@/components/staff/pool-badge";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { qualificationList } from "@/lib/inspection/queries";
import { type ReviewTier, reviewTier } from "@/lib/staff/pool";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection.staff"))("title") };
}

type Row = Awaited<ReturnType<typeof qualificationList>>[number] & { tier: ReviewTier };

const TONE = { PENDING: "warn", APPROVED: "good", REJECTED: "bad" } as const;

export default async function QualificationPage() {
  const user = await requirePermission("inspection.view");
  const mayReview = can(user.roles, "staff.qualify");
  const t = await getTranslations("inspection");
  const tr = await getTranslations("training");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const rows = (await qualificationList(campaign.id)).map((r) => ({
    ...r,
    tier: reviewTier({ source: r.source, studentCadre: r.studentCadre, identity: r.user.identity }),
  }));
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
      key: "person",
      label: tr("review.columns.person"),
      cell: (r) => (
        <span className="inline-flex flex-wrap items-center gap-1" data-testid={`tier-${r.user.login}`}>
          <Badge tone={r.tier === "OTHER" ? "default" : "info"}>{tr(`review.tier.${r.tier}`)}</Badge>
          {r.user.identity ? <span>{tr(`review.identity.${r.user.identity}`)}</span> : null}
          {r.studentCadre ? <span>{tr("review.cadre")}</span> : null}
          {r.region ? <Zh>{r.region}</Zh> : null}
          {r.poolStatus === "REMOVED" ? <PoolBadge status="REMOVED" /> : null}
        </span>
      ),
    },
    {
      key: "training",
      label: t("staff.columns.training"),
      cell: (r) => (
        <span className="inline-flex flex-col gap-0.5 md:items-start" data-testid={`training-${r.user.login}`}>
          <span className="tabular-nums">{tr("review.trainings", { done: r.topicsAttended })}</span>
          <AssessmentLine assessment={r.assessments[0]} />
        </span>
      ),
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
        <p className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
          <span>{tr("review.order")}</span>
          <Link href="/staff-pool" className="text-brand-700" data-testid="staff-pool-link">
            {tr("review.recordLink")}
          </Link>
        </p>
        {rows.length === 0 ? (
          <EmptyState>{t("staff.empty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={rows} rowKey={(r) => r.id} caption={t("staff.title")} />
        )}
      </Card>
    </>
  );
}
