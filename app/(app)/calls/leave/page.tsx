import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { LeaveRequestForm } from "@/components/groups/leave-request-form";
import { EndLeaveButton, WithdrawLeaveButton } from "@/components/groups/roster-buttons";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { ownLeave } from "@/lib/groups/roster-queries";
import { type LeaveState, leaveState } from "@/lib/staff/leave-dates";
import { beijingDay, fromDateColumn } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("roster.mine"))("title") };
}

const TONE = {
  requested: "warn",
  refused: "bad",
  cancelled: "default",
  upcoming: "info",
  current: "info",
  over: "default",
} as const satisfies Record<LeaveState, string>;

/** 我的请假: a caller asks their leader for leave, follows the answer, withdraws a request or ends a leave (销假). */
export default async function MyLeavePage() {
  const user = await requirePermission("leave.request");
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const t = await getTranslations();
  const format = await getFormatter();
  const today = beijingDay(new Date());
  const { groupId, leaves } = await ownLeave(campaign.id, user.id);
  const day = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric" });
  const rows = leaves.map((l) => ({
    ...l,
    state: leaveState(
      { status: l.status, startsOn: fromDateColumn(l.startsOn), endsOn: fromDateColumn(l.endsOn) },
      today,
    ),
  }));
  const running = rows.find((l) => l.state === "current");

  return (
    <>
      <PageHeader title={t("roster.mine.title")} subtitle={t("roster.mine.subtitle")}>
        <Link href="/calls" className="text-sm text-brand-700 underline">
          {t("calls.title")}
        </Link>
      </PageHeader>
      {running ? (
        <p className="mb-4 rounded-lg bg-amber-50 p-3 text-sm text-amber-900" data-testid="on-leave-now">
          {t("roster.mine.onLeaveNow", { from: day(running.startsOn), to: day(running.endsOn) })}
        </p>
      ) : null}
      <Card title={t("roster.mine.ask")}>
        {groupId ? <LeaveRequestForm today={today} /> : <EmptyState>{t("roster.mine.noGroup")}</EmptyState>}
      </Card>
      <Card title={t("roster.mine.history")} className="mt-4">
        {rows.length === 0 ? (
          <EmptyState>{t("roster.mine.none")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="my-leaves">
            {rows.map((l) => (
              <li key={l.id} className="flex flex-wrap items-start justify-between gap-3 py-3 text-sm">
                <div>
                  <div className="font-medium tabular-nums">
                    {day(l.startsOn)}–{day(l.endsOn)}{" "}
                    <Badge tone={TONE[l.state]}>{t(`roster.leave.states.${l.state}`)}</Badge>
                  </div>
                  <div className="text-slate-600">
                    {withData((v) => t("roster.leave.reason", v), { reason: l.reason })}
                  </div>
                  {l.decisionNote ? (
                    <div className="text-rose-700">
                      {withData((v) => t("roster.mine.leaderNote", v), { note: l.decisionNote })}
                    </div>
                  ) : null}
                </div>
                {l.state === "requested" ? <WithdrawLeaveButton leaveId={l.id} /> : null}
                {l.state === "current" || l.state === "upcoming" ? <EndLeaveButton leaveId={l.id} own /> : null}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
