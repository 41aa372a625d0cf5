import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { AssessmentLine } from "@/components/staff/latest-assessment";
import { PoolBadge } from "@/components/staff/pool-badge";
import { StaffPoolTabs } from "@/components/staff/staff-pool-tabs";
import { TrainingSessionForm } from "@/components/staff/training-session-form";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, columnsIf, Table } from "@/components/ui/table";
import { Zh } from "@/components/ui/user-data";
import { requireUser } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { recentSessions, staffPoolAccess, staffPoolList, trainingAttendees } from "@/lib/staff/training-queries";
import { formatYuanNumber } from "@/lib/subsidy/money";
import { beijingDay, fromDateColumn } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("training"))("title") };
}

type Person = Awaited<ReturnType<typeof staffPoolList>>[number];
type Session = Awaited<ReturnType<typeof recentSessions>>[number];

/**
 * The staff pool's training and assessment (四(二)、(三)): record a session with its attendance (leaders for
 * their group, admins for anyone), see each person's modules and latest assessment, open a person to
 * assess them or enter their overtime.
 */
export default async function StaffPoolPage() {
  const user = await requireUser();
  const access = staffPoolAccess(user.roles);
  if (!access.training && !access.assessment && !access.overtime) forbidden();
  const t = await getTranslations("training");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const [people, sessions, pickable] = await Promise.all([
    staffPoolList(campaign.id, user),
    recentSessions(campaign.id, user),
    access.training ? trainingAttendees(campaign.id, user) : Promise.resolve([]),
  ]);

  const personColumns: Column<Person>[] = [
    {
      key: "name",
      label: t("people.columns.name"),
      primary: true,
      cell: (p) => (
        <Link
          href={`/staff-pool/${p.id}`}
          className="text-brand-700 underline-offset-2 hover:underline"
          data-testid={`person-${p.user.login}`}
        >
          <Zh>{p.user.name}</Zh> <code className="text-xs text-slate-500">{p.user.login}</code>
        </Link>
      ),
    },
    {
      key: "group",
      label: t("people.columns.group"),
      cell: (p) => (p.group ? <Zh>{p.group.name}</Zh> : t("people.noGroup")),
    },
    {
      key: "pool",
      label: t("people.columns.pool"),
      cell: (p) => (
        <span data-testid={`pool-${p.user.login}`}>
          <PoolBadge status={p.poolStatus} />
        </span>
      ),
    },
    {
      key: "trainings",
      label: t("people.columns.trainings"),
      cell: (p) => <span className="tabular-nums">{t("people.topicsDone", { done: p.topicsAttended })}</span>,
    },
    {
      key: "assessment",
      label: t("people.columns.assessment"),
      cell: (p) => <AssessmentLine assessment={p.assessments[0]} />,
    },
    ...columnsIf<Person>(access.overtime, {
      key: "overtime",
      label: t("people.columns.overtime"),
      align: "right",
      cell: (p) =>
        p.overtimeFen > 0 ? (
          <span className="tabular-nums">{t("overtime.amountCell", { amount: formatYuanNumber(p.overtimeFen) })}</span>
        ) : (
          <span className="text-slate-500">{t("overtime.none")}</span>
        ),
    }),
  ];
  const sessionColumns: Column<Session>[] = [
    { key: "heldOn", label: t("sessions.columns.heldOn"), primary: true, cell: (s) => fromDateColumn(s.heldOn) },
    { key: "topic", label: t("sessions.columns.topic"), cell: (s) => t(`topics.${s.topic}`) },
    {
      key: "attendance",
      label: t("sessions.columns.attendance"),
      align: "right",
      cell: (s) => (
        <span className="tabular-nums">{t("sessions.attendanceCount", { count: s._count.attendance })}</span>
      ),
    },
    { key: "note", label: t("sessions.columns.note"), cell: (s) => (s.note ? <Zh>{s.note}</Zh> : "—") },
    { key: "recordedBy", label: t("sessions.columns.recordedBy"), cell: (s) => <Zh>{s.recordedBy.name}</Zh> },
  ];

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")} />
      <StaffPoolTabs active="people" overtime={access.overtime} />
      <div className="space-y-4">
        {access.training ? (
          <Card title={t("session.title")}>
            <p className="mb-3 text-sm text-slate-600">{t("session.explainLeader")}</p>
            <TrainingSessionForm
              today={beijingDay(new Date())}
              people={pickable.map((p) => ({
                id: p.id,
                name: p.user.name,
                login: p.user.login,
                group: p.group?.name ?? null,
              }))}
            />
          </Card>
        ) : null}
        <Card title={t("people.title")}>
          {people.length === 0 ? (
            <EmptyState>{t("people.empty")}</EmptyState>
          ) : (
            <Table columns={personColumns} rows={people} rowKey={(p) => p.id} caption={t("people.title")} />
          )}
        </Card>
        <Card title={t("sessions.title")}>
          {sessions.length === 0 ? (
            <EmptyState>{t("sessions.empty")}</EmptyState>
          ) : (
            <Table columns={sessionColumns} rows={sessions} rowKey={(s) => s.id} caption={t("sessions.title")} />
          )}
        </Card>
      </div>
    </>
  );
}
