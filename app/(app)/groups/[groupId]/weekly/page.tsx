import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { WeeklyBadge } from "@/components/groups/weekly-badge";
import { WeeklyEditor } from "@/components/groups/weekly-editor";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { withData } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { translatorFor } from "@/lib/i18n/messages";
import { currentLocale } from "@/lib/i18n/server";
import { fromDateColumn, Week } from "@/lib/time";
import { deadlineOf, weeklyStatus } from "@/lib/weekly/deadline";
import { weekLabel } from "@/lib/weekly/draft";
import { groupReports, weeklyDraft } from "@/lib/weekly/queries";
import { openGroup } from "../open-group";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("weekly"))("title") };
}

/**
 * 每周学生动态 of one group: the leader edits the week's automatic draft and submits it; the callback lead
 * and admins read it; past weeks stay readable. Same access as the group's page (else 404).
 */
export default async function WeeklyPage({
  params,
  searchParams,
}: {
  params: Promise<{ groupId: string }>;
  searchParams: Promise<{ week?: string }>;
}) {
  const user = await requirePermission("groups.view");
  const opened = await openGroup(user, params);
  if (!opened) return <NoCampaign />;
  const { campaign, group } = opened;
  const t = await getTranslations("weekly");
  const format = await getFormatter();
  // the week labels and the draft, built in lib, in the reader's language
  const tRoot = translatorFor(await currentLocale());
  const now = new Date();

  const start = campaign.phaseWindows[0]?.opensAt;
  const weeks = start && start <= now ? Week.between(start, now) : [];
  const reports = await groupReports(group.id);
  const byWeek = new Map(reports.map((r) => [fromDateColumn(r.weekStart), r]));
  const isLeader = group.leaderId === user.id && can(user.roles, "weeklyReport.submit");

  const thisWeek = Week.of(now);
  const lastWeek = Week.shift(thisWeek, -1);
  const requested = Week.parse((await searchParams).week);
  const inRange = (w: string | null) => w !== null && weeks.includes(w);
  // by default the week whose summary is due next: last week until it is submitted, then this week
  const selected = inRange(requested)
    ? (requested as string)
    : byWeek.get(lastWeek)?.status !== "SUBMITTED" && inRange(lastWeek)
      ? lastWeek
      : thisWeek;
  const report = byWeek.get(selected);
  const submitted = report?.status === "SUBMITTED" ? report : null;
  const status = weeklyStatus(selected, submitted?.submittedAt ?? null, now);
  const when = (at: Date) =>
    format.dateTime(at, { month: "long", day: "numeric", weekday: "short", hour: "2-digit", minute: "2-digit" });

  let draft: string | null = null;
  if (isLeader && !submitted && weeks.length > 0) {
    draft = await weeklyDraft(campaign.id, group, selected, tRoot);
  }

  return (
    <>
      <Link href={`/groups/${group.id}`} className="mb-2 inline-block text-sm text-brand-700 hover:underline">
        {t("back")}
      </Link>
      <PageHeader title={t("title")} subtitle={withData((v) => t("subtitle", v), { group: group.name })} />
      {weeks.length === 0 ? (
        <EmptyState>{t("noWeeks")}</EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
          <Card title={t("weeks")} className="min-w-0">
            <ul className="flex gap-2 overflow-x-auto md:flex-col md:overflow-visible" data-testid="weeks">
              {weeks.map((w) => {
                const r = byWeek.get(w);
                const s = weeklyStatus(w, r?.status === "SUBMITTED" ? r.submittedAt : null, now);
                const active = w === selected;
                return (
                  <li key={w} className="shrink-0">
                    <Link
                      href={`/groups/${group.id}/weekly?week=${w}`}
                      aria-current={active ? "page" : undefined}
                      className={`flex items-center justify-between gap-2 rounded-lg px-2 py-1.5 text-sm whitespace-nowrap ${active ? "bg-brand-50 text-brand-700" : "hover:bg-slate-50"}`}
                    >
                      <span>{weekLabel(w, tRoot)}</span>
                      <WeeklyBadge status={s} />
                    </Link>
                  </li>
                );
              })}
            </ul>
          </Card>
          <Card
            title={t("week", { week: weekLabel(selected, tRoot) })}
            action={<WeeklyBadge status={status} />}
            className="min-w-0"
          >
            <p className="mb-3 text-sm text-slate-500">{t("deadline", { deadline: when(deadlineOf(selected)) })}</p>
            {submitted ? (
              <>
                <p className="mb-2 text-sm text-slate-600" data-testid="weekly-submitted">
                  {withData(
                    (v) => t("submittedAt", { ...v, at: submitted.submittedAt ? when(submitted.submittedAt) : "—" }),
                    { name: submitted.submittedBy?.name ?? "—" },
                  )}
                </p>
                <pre
                  className="whitespace-pre-wrap break-words rounded-lg bg-slate-50 p-3 font-sans text-sm leading-relaxed"
                  data-testid="weekly-body"
                  lang="zh"
                >
                  {submitted.body}
                </pre>
              </>
            ) : isLeader && draft !== null ? (
              <WeeklyEditor
                key={selected}
                groupId={group.id}
                weekStart={selected}
                initialBody={report?.body ?? draft}
                freshDraft={draft}
                savedAt={report ? when(report.updatedAt) : null}
              />
            ) : (
              <EmptyState>
                {t("notSubmitted")} {t("readOnlyLead")}
              </EmptyState>
            )}
          </Card>
        </div>
      )}
    </>
  );
}
