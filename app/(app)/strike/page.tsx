import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { PhaseCalendar } from "@/components/campaign/phase-calendar";
import { LatestNotices } from "@/components/inbox/latest-notices";
import { CaseCard } from "@/components/strike/case-card";
import { ClaimButton } from "@/components/strike/claim-button";
import { ReleaseButton } from "@/components/strike/release-button";
import { ResolveForm } from "@/components/strike/resolve-form";
import { StrikeTabs } from "@/components/strike/tabs";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { recentlyResolved, strikeQueue } from "@/lib/strike/queries";
import { noteOf } from "@/lib/strike/resolution";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("strike"))("title") };
}

export default async function StrikePage() {
  const user = await requirePermission("strike.view");
  const mayClaim = can(user.roles, "strike.claim");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const [queue, resolved] = await Promise.all([strikeQueue(campaign.id), recentlyResolved(campaign.id)]);
  const mine = queue.filter((e) => e.status === "CLAIMED" && e.assigneeId === user.id);
  const waiting = queue.filter((e) => e.status === "FORWARDED");
  const others = queue.filter((e) => e.status === "CLAIMED" && e.assigneeId !== user.id);

  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      <PhaseCalendar windows={campaign.phaseWindows} now={now} />
      <LatestNotices />
      <PageHeader title={t("strike.title")} subtitle={t("strike.subtitle")} />
      <StrikeTabs active="queue" />
      {queue.length === 0 ? (
        <Card>
          <EmptyState>{t("strike.empty")}</EmptyState>
        </Card>
      ) : null}

      <section className="mb-6" aria-labelledby="strike-mine">
        <h2 id="strike-mine" className="mb-2 text-lg font-semibold">
          {t("strike.mine")} <span className="text-slate-500">({mine.length})</span>
        </h2>
        {mine.length === 0 ? (
          <EmptyState>{t("strike.mineEmpty")}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="strike-mine">
            {mine.map((row) => (
              <CaseCard key={row.id} row={row} now={now}>
                <div className="flex flex-wrap items-start gap-2">
                  <Link
                    href={`/calls/${row.candidate.id}`}
                    className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white"
                    data-testid={`open-${row.candidate.examNo}`}
                  >
                    {t("strike.open")}
                  </Link>
                  <ReleaseButton escalationId={row.id} examNo={row.candidate.examNo} />
                </div>
                <details className="rounded-lg border border-slate-200 p-3">
                  <summary className="cursor-pointer text-sm font-medium">{t("strike.resolve.title")}</summary>
                  <div className="mt-2">
                    <ResolveForm escalationId={row.id} examNo={row.candidate.examNo} />
                  </div>
                </details>
              </CaseCard>
            ))}
          </ul>
        )}
      </section>

      <section className="mb-6" aria-labelledby="strike-waiting">
        <h2 id="strike-waiting" className="mb-2 text-lg font-semibold">
          {t("strike.waitingQueue")} <span className="text-slate-500">({waiting.length})</span>
        </h2>
        {waiting.length === 0 ? (
          <EmptyState>{t("strike.waitingEmpty")}</EmptyState>
        ) : (
          <ul className="space-y-3" data-testid="strike-waiting">
            {waiting.map((row) => (
              <CaseCard key={row.id} row={row} now={now}>
                {mayClaim ? <ClaimButton escalationId={row.id} examNo={row.candidate.examNo} /> : null}
              </CaseCard>
            ))}
          </ul>
        )}
      </section>

      {others.length > 0 ? (
        <section className="mb-6" aria-labelledby="strike-others">
          <h2 id="strike-others" className="mb-2 text-lg font-semibold">
            {t("strike.othersQueue")} <span className="text-slate-500">({others.length})</span>
          </h2>
          <ul className="space-y-3">
            {others.map((row) => (
              <CaseCard key={row.id} row={row} now={now} />
            ))}
          </ul>
        </section>
      ) : null}

      <Card title={t("strike.recent")}>
        {resolved.length === 0 ? (
          <EmptyState>{t("strike.recentEmpty")}</EmptyState>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm" data-testid="strike-resolved">
            {resolved.map((r) => {
              const outcome = r.outcome;
              return (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    <span className="font-medium">
                      <Zh>{r.candidate.name}</Zh>
                    </span>{" "}
                    <span className="text-slate-500 tabular-nums">{r.candidate.examNo}</span>
                    {r.assignee ? (
                      <>
                        {" · "}
                        <Zh>{r.assignee.name}</Zh>
                      </>
                    ) : null}
                    {r.resolvedAt
                      ? ` · ${format.dateTime(r.resolvedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}`
                      : ""}
                    <span className="block text-slate-600">
                      <Zh>{noteOf(r.resolution) ?? ""}</Zh>
                    </span>
                  </span>
                  {outcome ? (
                    <Badge tone={outcome === "LOST" ? "bad" : "good"}>{t(`strike.outcome.${outcome}`)}</Badge>
                  ) : (
                    <Badge>{t("escalation.status.RESOLVED")}</Badge>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
