import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { AssessmentForm } from "@/components/staff/assessment-form";
import { AssessmentLine } from "@/components/staff/latest-assessment";
import { OvertimeForm } from "@/components/staff/overtime-form";
import { PoolBadge } from "@/components/staff/pool-badge";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import { requireUser } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { staffPoolAccess, staffRecord } from "@/lib/staff/training-queries";
import { TRAINING_TOPICS } from "@/lib/staff/training-topics";
import { formatYuanNumber } from "@/lib/subsidy/money";
import { beijingDay, fromDateColumn } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("title") };
}

/** One person's training and assessments; assessment (admins, inspectors) and overtime (admins) forms. */
export default async function StaffRecordPage({ params }: { params: Promise<{ profileId: string }> }) {
  const user = await requireUser();
  const access = staffPoolAccess(user.roles);
  if (!access.training && !access.assessment && !access.overtime) forbidden();
  const t = await getTranslations("training");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const record = await staffRecord(campaign.id, (await params).profileId, user);
  if (!record) notFound();
  const attendedTopics = new Set(record.trainings.map((a) => a.session.topic));
  const missing = TRAINING_TOPICS.filter((k) => !attendedTopics.has(k));
  const today = beijingDay(new Date());

  return (
    <>
      <PageHeader title={withData((v) => t("person.title", v), { name: record.user.name })}>
        <Link href="/staff-pool" className="text-sm text-brand-700">
          {t("person.back")}
        </Link>
      </PageHeader>
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <code className="text-slate-500">{record.user.login}</code>
        {record.group ? <Zh>{record.group.name}</Zh> : <span>{t("people.noGroup")}</span>}
        <span data-testid="record-pool">
          <PoolBadge status={record.poolStatus} />
        </span>
      </div>
      {record.poolStatus === "REMOVED" ? (
        <p className="mb-4 rounded-lg bg-rose-50 p-3 text-sm text-rose-800" data-testid="record-removed">
          {t("person.removed")}
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card title={t("person.trainings")}>
          {record.trainings.length === 0 ? (
            <EmptyState>{t("person.trainingsEmpty")}</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm" data-testid="record-trainings">
              {record.trainings.map(({ session }) => (
                <li key={session.id}>
                  {t("person.attended", { date: fromDateColumn(session.heldOn), topic: t(`topics.${session.topic}`) })}
                  {session.note ? (
                    <span className="ml-2 text-slate-500">
                      <Zh>{session.note}</Zh>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-slate-600">
            {missing.length === 0
              ? t("person.allTopics")
              : t("person.missingTopics", { topics: missing.map((k) => t(`topics.${k}`)).join(t("person.separator")) })}
          </p>
        </Card>
        <Card title={t("person.assessments")}>
          {record.assessments.length === 0 ? (
            <EmptyState>{t("person.assessmentsEmpty")}</EmptyState>
          ) : (
            <ul className="space-y-2 text-sm" data-testid="record-assessments">
              {record.assessments.map((a) => (
                <li key={a.id}>
                  <AssessmentLine assessment={a} />
                  {a.note ? (
                    <span className="block text-slate-600">
                      <Zh>{a.note}</Zh>
                    </span>
                  ) : null}
                  <span className="block text-xs text-slate-500">
                    {withData((v) => t("assessment.recordedBy", v), { name: a.recordedBy.name })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {access.assessment ? (
          <Card title={t("assessment.title")}>
            <AssessmentForm profileId={record.id} today={today} />
          </Card>
        ) : null}
        {access.overtime ? (
          <Card title={t("overtime.title")}>
            <p className="mb-3 text-sm text-slate-600" data-testid="record-overtime">
              {record.overtimeFen > 0
                ? t("overtime.current", { amount: formatYuanNumber(record.overtimeFen) })
                : t("overtime.none")}
              {record.overtimeReason ? (
                <span className="ml-2">
                  {withData((v) => t("overtime.currentReason", v), { reason: record.overtimeReason ?? "" })}
                </span>
              ) : null}
            </p>
            <OvertimeForm
              profileId={record.id}
              overtimeFen={record.overtimeFen}
              overtimeReason={record.overtimeReason}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
