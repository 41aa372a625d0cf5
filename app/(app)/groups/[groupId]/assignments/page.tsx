import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { HandBackButton } from "@/components/assignments/hand-back-button";
import { MoveCandidateForm } from "@/components/assignments/move-candidate-form";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { type Column, columnsIf, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { groupCallerLoads, groupCandidates } from "@/lib/assignment/queries";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { openGroup } from "../open-group";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("assignments"))("title") };
}

/** Candidates listed at once; a bigger group is narrowed by caller or search first. */
const PAGE_ROWS = 200;

/**
 * Who works on which candidate in one group: the leader (and the data team and admins, who hold
 * "candidate.reassign" for every group) moves a candidate to another caller, or hands back every
 * candidate of a caller going on leave. The callback lead may look but not move. A leader opening
 * another group's page gets 404, the same rule as the actions (lib/groups/scope.ts).
 */
export default async function AssignmentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<{ caller?: string; q?: string }>;
}) {
  const user = await requireUser();
  const mayMove = can(user.roles, "candidate.reassign");
  if (!mayMove && !can(user.roles, "groups.viewAll")) forbidden();
  const opened = await openGroup(user, params);
  if (!opened) return <NoCampaign />;
  const { campaign, group } = opened;

  const t = await getTranslations();
  const format = await getFormatter();
  const day = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric" });
  const filters = await searchParams;
  const callerFilter = typeof filters.caller === "string" ? filters.caller : "";
  const search = typeof filters.q === "string" ? filters.q.trim().slice(0, 40) : "";

  const [{ callers: staff, unassigned }, { candidates, matching }] = await Promise.all([
    groupCallerLoads(campaign.id, group.id, new Date()),
    groupCandidates(campaign.id, group.id, { caller: callerFilter, search }, PAGE_ROWS),
  ]);
  const names = new Map(staff.map((s) => [s.userId, s.name]));
  const targets = staff.filter((s) => s.assignable).map((s) => ({ id: s.userId, name: s.name, load: s.load }));

  type StaffRow = (typeof staff)[number];
  const staffColumns: Column<StaffRow>[] = [
    { key: "name", label: t("assignments.columns.caller"), primary: true, cell: (s) => <Zh>{s.name}</Zh> },
    {
      key: "status",
      label: t("assignments.columns.status"),
      cell: (s) =>
        s.leave ? (
          <Badge tone="warn">
            {t("assignments.status.onLeave", { from: day(s.leave.startsOn), to: day(s.leave.endsOn) })}
          </Badge>
        ) : s.assignable ? (
          <Badge tone="good">{t("assignments.status.available")}</Badge>
        ) : (
          <Badge>{t("assignments.status.unavailable")}</Badge>
        ),
    },
    {
      key: "load",
      label: t("assignments.columns.load"),
      align: "right",
      cell: (s) => (
        <Link href={`?caller=${s.userId}`} className="text-brand-700 underline">
          {s.load}
        </Link>
      ),
    },
    ...columnsIf<StaffRow>(mayMove, {
      key: "leave",
      label: t("assignments.columns.leave"),
      cell: (s) => <HandBackButton callerId={s.userId} callerName={s.name} count={s.load} onLeave={s.leave !== null} />,
    }),
  ];

  type CandidateRow = (typeof candidates)[number];
  const candidateColumns: Column<CandidateRow>[] = [
    { key: "examNo", label: t("assignments.columns.examNo"), primary: true, cell: (c) => c.examNo },
    { key: "name", label: t("assignments.columns.name"), cell: (c) => <Zh>{c.name}</Zh> },
    {
      key: "caller",
      label: t("assignments.columns.current"),
      cell: (c) =>
        c.assignedCallerId ? (
          <span className="inline-flex flex-col items-end gap-1 md:items-start">
            {names.has(c.assignedCallerId) ? <Zh>{names.get(c.assignedCallerId)}</Zh> : t("assignments.otherGroup")}
            {c.creditCallerId && c.creditCallerId !== c.assignedCallerId ? (
              <Badge tone="warn">
                {withData((v) => t("assignments.creditWith", v), { name: names.get(c.creditCallerId) ?? "" })}
              </Badge>
            ) : null}
          </span>
        ) : (
          <Badge tone="warn">{t("assignments.unassigned")}</Badge>
        ),
    },
    ...columnsIf<CandidateRow>(mayMove, {
      key: "move",
      label: t("assignments.columns.move"),
      cell: (c) => (
        <MoveCandidateForm
          candidateId={c.id}
          examNo={c.examNo}
          version={c.version}
          creditName={c.admitted && c.creditCallerId ? (names.get(c.creditCallerId) ?? "") : null}
          targets={targets.filter((target) => target.id !== c.assignedCallerId)}
        />
      ),
    }),
  ];

  return (
    <>
      <PageHeader
        title={withData((v) => t("assignments.heading", v), { group: group.name })}
        subtitle={t("assignments.subtitle")}
      >
        <Link href="/groups" className="text-sm text-brand-700 underline">
          {t("assignments.back")}
        </Link>
      </PageHeader>
      {mayMove ? null : <p className="mb-4 text-sm text-slate-600">{t("assignments.readOnly")}</p>}
      <Card title={t("assignments.callers")}>
        {staff.length === 0 ? (
          <EmptyState>{t("assignments.noCallers")}</EmptyState>
        ) : (
          <Table columns={staffColumns} rows={staff} rowKey={(s) => s.userId} caption={t("assignments.callers")} />
        )}
        {unassigned > 0 ? (
          <p className="mt-3 text-sm text-amber-800">
            <Link href="?caller=none" className="underline">
              {t("assignments.unassignedCount", { count: unassigned })}
            </Link>
          </p>
        ) : null}
      </Card>
      <Card title={t("assignments.candidates")} className="mt-4">
        <form className="mb-3 flex flex-wrap items-end gap-2">
          <Field label={t("assignments.filter.caller")}>
            {(control) => (
              <Select {...control} name="caller" defaultValue={callerFilter}>
                <option value="">{t("assignments.filter.all")}</option>
                <option value="none">{t("assignments.unassigned")}</option>
                {staff.map((s) => (
                  <option key={s.userId} value={s.userId} lang="zh">
                    {s.name}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Field label={t("assignments.filter.search")}>
            {(control) => (
              <Input
                {...control}
                name="q"
                defaultValue={search}
                lang="zh"
                className="w-44"
                placeholder={t("assignments.filter.placeholder")}
              />
            )}
          </Field>
          <Button type="submit" variant="secondary">
            {t("assignments.filter.apply")}
          </Button>
        </form>
        <p className="mb-2 text-sm text-slate-500" data-testid="assignments-count">
          {matching > candidates.length
            ? t("assignments.showingSome", { shown: candidates.length, count: matching })
            : t("assignments.showingAll", { count: matching })}
        </p>
        {candidates.length === 0 ? (
          <EmptyState>{t("assignments.noCandidates")}</EmptyState>
        ) : (
          <Table
            columns={candidateColumns}
            rows={candidates}
            rowKey={(c) => c.id}
            caption={t("assignments.candidates")}
          />
        )}
      </Card>
    </>
  );
}
