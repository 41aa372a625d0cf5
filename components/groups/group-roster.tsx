import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { type Column, columnsIf, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { availablePool, groupRoster } from "@/lib/groups/roster-queries";
import { leaveState } from "@/lib/staff/leave-dates";
import { fromDateColumn } from "@/lib/time";
import { EndLeaveButton, LeaveDecision, PickButton, ReleaseButton } from "./roster-buttons";

/** People offered for picking at once; the pool of a college is a few hundred at most. */
const POOL_ROWS = 100;

type Roster = Awaited<ReturnType<typeof groupRoster>>;
type Member = Roster["members"][number];
type PoolPerson = Awaited<ReturnType<typeof availablePool>>["people"][number];

/**
 * A group's people under its dashboard: the roster and its filing (审批备案), the members with their
 * training, load and leave, the pool to pick from, the leave waiting for the leader or running, and
 * the changes since filing. `mayEdit`: the group's leader or an admin picks and releases; `mayDecide`:
 * they decide on leave. Others (the callback lead, inspectors) read.
 */
export async function GroupRoster({
  campaignId,
  groupId,
  today,
  mayEdit,
  mayDecide,
}: {
  campaignId: string;
  groupId: string;
  today: string;
  mayEdit: boolean;
  mayDecide: boolean;
}) {
  const t = await getTranslations();
  const format = await getFormatter();
  const [roster, pool] = await Promise.all([
    groupRoster(campaignId, groupId, today),
    mayEdit ? availablePool(campaignId, POOL_ROWS) : Promise.resolve(null),
  ]);
  const day = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric" });
  const span = (l: { startsOn: Date; endsOn: Date }) => ({ from: day(l.startsOn), to: day(l.endsOn) });
  const stateOf = (l: Member["leaves"][number]) =>
    leaveState({ status: l.status, startsOn: fromDateColumn(l.startsOn), endsOn: fromDateColumn(l.endsOn) }, today);

  const personColumns = <Row extends Member | PoolPerson>(): Column<Row>[] => [
    {
      key: "name",
      label: t("roster.members.name"),
      primary: true,
      cell: (p) => (
        <span>
          <Zh>{p.user.name}</Zh> <span className="text-xs text-slate-500">{p.user.login}</span>
          {p.userId === roster.leaderId ? (
            <span className="ml-1">
              <Badge tone="info">{t("roster.members.leaderMark")}</Badge>
            </span>
          ) : null}
        </span>
      ),
    },
    {
      key: "identity",
      label: t("roster.members.identity"),
      cell: (p) => (p.user.identity ? t(`roster.identity.${p.user.identity}`) : "—"),
    },
    { key: "source", label: t("roster.members.source"), cell: (p) => t(`inspection.staff.source.${p.source}`) },
    { key: "region", label: t("roster.members.region"), cell: (p) => (p.region ? <Zh>{p.region}</Zh> : "—") },
    {
      key: "cadre",
      label: t("roster.members.cadre"),
      cell: (p) => (p.studentCadre ? t("roster.members.yes") : "—"),
    },
    {
      key: "trainings",
      label: t("roster.members.trainings"),
      align: "right",
      cell: (p) => t("roster.members.trainingCount", { count: p._count.trainings }),
    },
  ];

  const memberColumns: Column<Member>[] = [
    ...personColumns<Member>(),
    { key: "load", label: t("roster.members.load"), align: "right", cell: (m) => m.load },
    {
      key: "status",
      label: t("roster.members.status"),
      cell: (m) => {
        const running = m.leaves.find((l) => stateOf(l) === "current");
        const coming = m.leaves.find((l) => stateOf(l) === "upcoming");
        if (running)
          return (
            <Badge tone="warn">
              <span data-testid="on-leave">{t("roster.status.onLeave", span(running))}</span>
            </Badge>
          );
        if (m.qualification !== "APPROVED" || m.poolStatus !== "APPROVED")
          return <Badge>{t("roster.status.notQualified")}</Badge>;
        return (
          <span className="inline-flex flex-wrap gap-1">
            <Badge tone="good">{t("roster.status.available")}</Badge>
            {coming ? <Badge tone="info">{t("roster.status.upcoming", span(coming))}</Badge> : null}
          </span>
        );
      },
    },
    ...columnsIf<Member>(mayEdit, {
      key: "action",
      label: t("roster.members.action"),
      cell: (m) =>
        m.userId === roster.leaderId ? "—" : <ReleaseButton groupId={groupId} profileId={m.id} name={m.user.name} />,
    }),
  ];

  const poolColumns: Column<PoolPerson>[] = [
    ...personColumns<PoolPerson>(),
    {
      key: "action",
      label: t("roster.members.action"),
      cell: (p) => <PickButton groupId={groupId} profileId={p.id} />,
    },
  ];

  const leaves = roster.members
    .flatMap((m) => m.leaves.map((l) => ({ ...l, member: m, state: stateOf(l) })))
    .filter((l) => l.state === "requested" || l.state === "current" || l.state === "upcoming")
    .sort((a, b) => a.startsOn.getTime() - b.startsOn.getTime());

  return (
    <>
      <Card title={t("roster.members.title", { count: roster.members.length })} className="mt-4">
        <p className="mb-3 text-sm text-slate-600" data-testid="roster-filing">
          {roster.rosterApprovedAt
            ? withData((v) => t("roster.filing.filedLine", { ...v, date: day(roster.rosterApprovedAt as Date) }), {
                name: roster.rosterApprovedBy?.name ?? "—",
              })
            : t("roster.filing.notFiledLine")}
        </p>
        {roster.members.length === 0 ? (
          <EmptyState>{t("roster.members.empty")}</EmptyState>
        ) : (
          <div data-testid="group-members">
            <Table
              columns={memberColumns}
              rows={roster.members}
              rowKey={(m) => m.id}
              caption={t("roster.members.title", { count: roster.members.length })}
            />
          </div>
        )}
      </Card>

      <Card title={t("roster.leave.title")} className="mt-4">
        {leaves.length === 0 ? (
          <EmptyState>{t("roster.leave.empty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="group-leaves">
            {leaves.map((l) => (
              <li key={l.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                <div className="text-sm">
                  <div className="font-medium">
                    {withData((v) => t("roster.leave.line", { ...v, ...span(l) }), { name: l.member.user.name })}{" "}
                    <Badge tone={l.state === "requested" ? "warn" : l.state === "current" ? "info" : "default"}>
                      {t(`roster.leave.states.${l.state}`)}
                    </Badge>
                  </div>
                  <div className="text-slate-600">
                    {withData((v) => t("roster.leave.reason", v), { reason: l.reason })}
                  </div>
                  {l.state === "current" && l.member.load > 0 ? (
                    <p className="mt-1 text-amber-800" data-testid="still-holds">
                      {t("roster.leave.stillHolds", { count: l.member.load })}
                      <Link href={`/groups/${groupId}/assignments`} className="underline">
                        {t("roster.leave.handBackLink")}
                      </Link>
                    </p>
                  ) : null}
                </div>
                {mayDecide ? (
                  l.state === "requested" ? (
                    <LeaveDecision leaveId={l.id} />
                  ) : (
                    <EndLeaveButton leaveId={l.id} name={l.member.user.name} />
                  )
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Card>

      {pool ? (
        <Card title={t("roster.pool.title")} className="mt-4">
          <p className="mb-3 text-sm text-slate-600">{t("roster.pool.hint")}</p>
          {pool.people.length === 0 ? (
            <EmptyState>{t("roster.pool.empty")}</EmptyState>
          ) : (
            <div data-testid="available-pool">
              <Table columns={poolColumns} rows={pool.people} rowKey={(p) => p.id} caption={t("roster.pool.title")} />
              {pool.count > pool.people.length ? (
                <p className="mt-2 text-sm text-slate-500">
                  {t("roster.pool.more", { shown: pool.people.length, count: pool.count })}
                </p>
              ) : null}
            </div>
          )}
        </Card>
      ) : null}

      {roster.rosterApprovedAt ? (
        <Card title={t("roster.changes.title")} className="mt-4">
          {roster.changes.length === 0 ? (
            <EmptyState>{t("roster.changes.empty")}</EmptyState>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm" data-testid="roster-changes">
              {roster.changes.map((c) => (
                <li key={c.id} className="flex flex-wrap items-baseline gap-x-2 py-2">
                  <span className="text-slate-500 tabular-nums">
                    {format.dateTime(c.at, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}
                  </span>
                  <Zh>{c.user.name}</Zh>
                  <Badge tone={c.kind === "JOINED" ? "good" : "default"}>{t(`roster.changes.${c.kind}`)}</Badge>
                  {c.reason ? <Zh>{c.reason}</Zh> : null}
                  <span className="text-slate-500">
                    {withData((v) => t("roster.changes.by", v), { name: c.by.name })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}
