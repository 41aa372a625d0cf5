import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { StageBadge, TodoBadge } from "@/components/calls/badges";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { PhaseCalendar } from "@/components/campaign/phase-calendar";
import { MyProgress } from "@/components/dashboard/my-progress";
import { LatestNotices } from "@/components/inbox/latest-notices";
import { PhaseOneRecord } from "@/components/prospects/phase-one-record";
import { Button } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { ExportLink } from "@/components/ui/export-link";
import { Input } from "@/components/ui/field";
import { withData, Zh } from "@/components/ui/user-data";
import { MyCode } from "@/components/verify/my-code";
import { requirePermission } from "@/lib/auth/session";
import { type CandidateFilter, callerWorkload, myCandidates } from "@/lib/calls/queries";
import { currentCampaign } from "@/lib/campaign/queries";
import { workflowPolicyOf } from "@/lib/workflow";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("calls"))("title") };
}

export default async function CallsPage({ searchParams }: { searchParams: Promise<{ q?: string; filter?: string }> }) {
  const user = await requirePermission("calls.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.slice(0, 40) : "";
  const filter: CandidateFilter = params.filter === "all" ? "all" : "todo";
  const now = new Date();
  const policy = workflowPolicyOf(campaign.workflowPolicy);
  const [workload, list] = await Promise.all([
    callerWorkload(user, campaign.id, now),
    myCandidates(user, campaign, { q, filter }, now),
  ]);
  const contactStandard = workload.assigned * policy.contactsPerCandidate;
  const minuteStandard = workload.assigned * policy.minutesPerCandidate;
  const contactsMet = workload.contacts >= contactStandard;
  const minutesMet = workload.minutes >= minuteStandard;
  const tab = (value: CandidateFilter, label: string) => (
    <Link
      href={{ pathname: "/calls", query: { ...(q ? { q } : {}), ...(value === "all" ? { filter: "all" } : {}) } }}
      aria-current={filter === value ? "page" : undefined}
      className={`rounded-full px-3 py-1.5 text-sm ${filter === value ? "bg-brand-600 text-white" : "bg-white text-slate-700 ring-1 ring-slate-200"}`}
    >
      {label}
    </Link>
  );

  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      <PhaseCalendar windows={campaign.phaseWindows} now={now} />
      <LatestNotices />
      <PageHeader title={t("calls.title")}>
        <div className="flex flex-wrap items-center gap-3">
          <Link href="/calls/leave" className="inline-flex min-h-9 items-center text-sm text-brand-700 underline">
            {t("roster.mine.link")}
          </Link>
          <ExportLink href="/api/exports/caller">{t("exports.mine")}</ExportLink>
        </div>
      </PageHeader>
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("calls.assigned")} value={workload.assigned} />
        <Stat label={t("calls.contacted")} value={workload.contacted} />
        <Stat
          label={t("calls.neverContacted")}
          value={workload.neverContacted}
          tone={workload.neverContacted > 0 ? "warn" : "good"}
        />
        <Stat
          label={t("calls.followUpDue")}
          value={workload.followUpDue}
          tone={workload.followUpDue > 0 ? "warn" : "default"}
        />
      </div>
      <Card
        title={t("calls.workload", { contacts: policy.contactsPerCandidate, minutes: policy.minutesPerCandidate })}
        className="mt-4"
      >
        <ul className="space-y-1 text-sm" data-testid="workload">
          <li className="flex items-center justify-between gap-2">
            <span className="tabular-nums">
              {t("calls.contacts", { done: workload.contacts, standard: contactStandard })}
            </span>
            <Badge tone={contactsMet ? "good" : "warn"}>{contactsMet ? t("calls.met") : t("calls.short")}</Badge>
          </li>
          <li className="flex items-center justify-between gap-2">
            <span className="tabular-nums">
              {t("calls.minutes", { done: workload.minutes, standard: minuteStandard })}
            </span>
            <Badge tone={minutesMet ? "good" : "warn"}>{minutesMet ? t("calls.met") : t("calls.short")}</Badge>
          </li>
        </ul>
      </Card>

      <section className="mt-4" aria-labelledby="candidates-heading">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="candidates-heading" className="text-base font-semibold">
            {t("calls.listTitle")}
          </h2>
          <nav className="flex gap-2" aria-label={t("calls.listTitle")}>
            {tab("todo", t("calls.filterTodo"))}
            {tab("all", t("calls.filterAll", { count: list.total }))}
          </nav>
        </div>
        <search>
          <form action="/calls" className="mb-3 flex gap-2">
            {filter === "all" ? <input type="hidden" name="filter" value="all" /> : null}
            <label htmlFor="q" className="sr-only">
              {t("calls.search")}
            </label>
            <Input
              id="q"
              name="q"
              type="search"
              defaultValue={q}
              lang="zh"
              placeholder={t("calls.searchPlaceholder")}
              className="flex-1"
            />
            <Button type="submit">{t("calls.search")}</Button>
          </form>
        </search>
        <p className="mb-3 text-xs text-slate-500">{t("calls.listHint")}</p>
        {list.rows.length === 0 ? (
          <EmptyState>
            {q
              ? withData((v) => t("calls.noMatch", v), { q })
              : filter === "todo" && list.total > 0
                ? t("calls.allDone")
                : t("calls.emptyList")}
          </EmptyState>
        ) : (
          <ul className="grid gap-2 md:grid-cols-2" data-testid="candidate-list">
            {list.rows.map((c) => (
              <li key={c.id}>
                <Link
                  href={`/calls/${c.id}`}
                  className="block rounded-xl border border-slate-200 bg-white p-3 shadow-sm hover:border-brand-600 focus-visible:outline-2 focus-visible:outline-brand-600"
                >
                  {/* a card that sums up the to-do; the workspace's header (calls/[candidateId]) shows the same
                      candidate as a heading, with the first choice and school instead: alike, kept apart */}
                  <div className="flex items-start justify-between gap-2">
                    <div>
                      <div className="font-medium" lang="zh">
                        {c.name}
                      </div>
                      <div className="text-xs text-slate-500 tabular-nums">
                        {c.examNo} · <Zh>{c.region}</Zh>
                      </div>
                    </div>
                    <div className="flex flex-wrap justify-end gap-1">
                      <TodoBadge reason={c.reason} />
                      <StageBadge stage={c.stage} />
                    </div>
                  </div>
                  <div className="mt-2 flex justify-between text-xs text-slate-500 tabular-nums">
                    <span>{t("calls.ledgerShort", { contacts: c.contacts, minutes: Math.floor(c.seconds / 60) })}</span>
                    <span>
                      {c.lastContactAt
                        ? t("calls.lastContact", { when: format.relativeTime(c.lastContactAt, now) })
                        : t("calls.never")}
                    </span>
                  </div>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <MyProgress campaign={campaign} callerId={user.id} />
      <PhaseOneRecord campaign={campaign} userId={user.id} withLink />
      <div className="mt-4">
        <MyCode userId={user.id} />
      </div>
    </>
  );
}
