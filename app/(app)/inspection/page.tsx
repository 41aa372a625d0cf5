import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Fragment } from "react";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { PhaseBanner } from "@/components/campaign/phase-banner";
import { PhaseCalendar } from "@/components/campaign/phase-calendar";
import { LatestNotices } from "@/components/inbox/latest-notices";
import { LeadershipIncidents } from "@/components/incidents/leadership-card";
import { DrawSampleForm } from "@/components/inspection/draw-sample-form";
import { InspectionTabs } from "@/components/inspection/tabs";
import { Badge, Card, EmptyState, PageHeader, Stat } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { seesLeadershipIncidents } from "@/lib/incidents/status";
import { creditKeptMoves, type InspectionWeek, inspectionWeek } from "@/lib/inspection/queries";
import { RULE_CODES } from "@/lib/inspection/rules";
import { atBeijingClock, Week } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection"))("title") };
}

type SampleRow = InspectionWeek["sample"][number];
type MoveRow = Awaited<ReturnType<typeof creditKeptMoves>>[number];
type SuspiciousRow = InspectionWeek["suspicious"][number];
type Log = SampleRow["contactLog"];

const VERDICT_TONE = { CONFIRMED: "good", DOUBTFUL: "warn", FALSE: "bad" } as const;

export default async function InspectionPage({ searchParams }: { searchParams: Promise<{ week?: string }> }) {
  const user = await requirePermission("inspection.view");
  const t = await getTranslations();
  const format = await getFormatter();
  const campaign = await currentCampaign();
  if (!campaign) return <NoCampaign />;
  const now = new Date();
  const current = Week.of(now);
  const week = Week.parse((await searchParams).week) ?? current;
  const [data, moves] = await Promise.all([
    inspectionWeek(campaign.id, week, campaign.inspectionPolicy),
    creditKeptMoves(campaign.id, week),
  ]);
  const day = (iso: string) => format.dateTime(atBeijingClock(iso, 12), { month: "numeric", day: "numeric" });
  const href = (w: string) => (w === current ? "/inspection" : `/inspection?week=${w}`);
  const p = data.policy;

  const logColumns = <R,>(log: (r: R) => Log): Column<R>[] => [
    {
      key: "time",
      label: t("inspection.columns.time"),
      cell: (r) =>
        format.dateTime(log(r).startedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
      primary: true,
    },
    { key: "caller", label: t("inspection.columns.caller"), cell: (r) => <Zh>{log(r).caller.name}</Zh> },
    {
      key: "candidate",
      label: t("inspection.columns.candidate"),
      cell: (r) => <Zh>{log(r).candidate.name}</Zh>,
    },
    {
      key: "contact",
      label: t("inspection.columns.outcome"),
      cell: (r) => {
        const l = log(r);
        const outcome = t.has(`outcome.${l.outcome}`) ? t(`outcome.${l.outcome}` as "outcome.GUIDED") : l.outcome;
        return `${t(`channel.${l.channel}`)} · ${outcome} · ${t("inspection.log.durationValue", {
          minutes: Math.floor(l.durationSeconds / 60),
          seconds: l.durationSeconds % 60,
        })}`;
      },
    },
  ];
  const verdictCell = (verdict: SampleRow["verdict"]) =>
    verdict ? (
      <Badge tone={VERDICT_TONE[verdict]}>{t(`inspection.verdict.${verdict}`)}</Badge>
    ) : (
      <Badge>{t("inspection.verdict.none")}</Badge>
    );
  const checkLink = (logId: string, callerName: string) => (
    <Link
      href={`/inspection/logs/${logId}`}
      className="font-medium text-brand-700 underline"
      data-testid="check-log"
      data-caller={callerName}
    >
      {t("inspection.check")}
    </Link>
  );

  const sampleColumns: Column<SampleRow>[] = [
    ...logColumns<SampleRow>((r) => r.contactLog),
    { key: "verdict", label: t("inspection.columns.verdict"), cell: (r) => verdictCell(r.verdict) },
    {
      key: "action",
      label: t("inspection.columns.action"),
      cell: (r) => checkLink(r.contactLog.id, r.contactLog.caller.name),
      align: "right",
    },
  ];
  const suspiciousColumns: Column<SuspiciousRow>[] = [
    ...logColumns<SuspiciousRow>((r) => r.log),
    {
      key: "rules",
      label: t("inspection.columns.rules"),
      cell: (r) => (
        <span className="flex flex-wrap justify-end gap-1 md:justify-start">
          {r.rules.map((code) => (
            <Badge key={code} tone="warn">
              {t(`inspection.rule.${code}`)}
            </Badge>
          ))}
        </span>
      ),
    },
    { key: "verdict", label: t("inspection.columns.verdict"), cell: (r) => verdictCell(r.verdict) },
    {
      key: "action",
      label: t("inspection.columns.action"),
      cell: (r) => checkLink(r.log.id, r.log.caller.name),
      align: "right",
    },
  ];

  const withLogs = data.coverage.filter((c) => c.logs > 0);
  const idle = data.coverage.filter((c) => c.logs === 0);
  const checked = data.sample.filter((s) => s.verdict !== null).length;
  const ruleValues = {
    ZERO_DURATION: { seconds: p.reachedCallMaxSeconds },
    SAME_MINUTE: { count: p.sameMinuteLogs },
    OUTSIDE_HOURS: { start: p.dayStartHour, end: p.dayEndHour },
    COPIED_NOTES: { length: p.copiedNotesMinLength, count: p.copiedNotesCandidates },
    REACHED_AFTER_WRONG_NUMBER: { hours: p.wrongNumberWindowHours },
    RATE_OUTLIER: { factor: p.rateOutlierFactor, logs: p.rateOutlierMinLogs },
    CHAT_WITHOUT_EVIDENCE: {},
  } as const;

  const moveColumns: Column<MoveRow>[] = [
    {
      key: "time",
      label: t("inspection.movesColumns.time"),
      primary: true,
      cell: (m) => format.dateTime(m.at, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
    },
    {
      key: "candidate",
      label: t("inspection.movesColumns.candidate"),
      cell: (m) => (
        <Zh>
          {m.candidate} <span className="font-mono text-xs text-slate-500">{m.examNo}</span>
        </Zh>
      ),
    },
    { key: "to", label: t("inspection.movesColumns.to"), cell: (m) => <Zh>{m.to}</Zh> },
    { key: "creditWith", label: t("inspection.movesColumns.creditWith"), cell: (m) => <Zh>{m.creditWith}</Zh> },
    { key: "by", label: t("inspection.movesColumns.by"), cell: (m) => <Zh>{m.by}</Zh> },
    { key: "reason", label: t("inspection.movesColumns.reason"), cell: (m) => <Zh>{m.reason}</Zh> },
  ];

  return (
    <>
      <PhaseBanner campaign={campaign} now={now} />
      <PhaseCalendar windows={campaign.phaseWindows} now={now} />
      <LatestNotices />
      {seesLeadershipIncidents(user.roles) ? <LeadershipIncidents campaignId={campaign.id} /> : null}
      <PageHeader title={t("inspection.title")} subtitle={t("inspection.subtitle")} />
      <InspectionTabs active="week" />

      <nav className="mb-4 flex flex-wrap items-center justify-between gap-2" aria-label={t("inspection.thisWeek")}>
        <Link
          href={href(Week.shift(week, -1))}
          className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
          data-testid="previous-week"
        >
          {t("inspection.previousWeek")}
        </Link>
        <span className="font-medium tabular-nums" data-testid="week-label">
          {t("inspection.week", { from: day(week), to: day(Week.lastDay(week)) })}
          {week === current ? ` · ${t("inspection.thisWeek")}` : ""}
        </span>
        {week < current ? (
          <Link
            href={href(Week.shift(week, 1))}
            className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
          >
            {t("inspection.nextWeek")}
          </Link>
        ) : (
          <span />
        )}
      </nav>

      <div className="grid grid-cols-2 gap-3 md:grid-cols-4">
        <Stat label={t("inspection.stats.logs")} value={data.logCount} />
        <Stat label={t("inspection.stats.sampled")} value={data.sample.length} />
        <Stat label={t("inspection.stats.checked")} value={checked} />
        <Stat
          label={t("inspection.stats.suspicious")}
          value={data.suspicious.length}
          tone={data.suspicious.length > 0 ? "warn" : "default"}
        />
      </div>

      <div className="mt-4 grid gap-4 md:grid-cols-3">
        <Card title={t("inspection.draw.title")} className="md:col-span-1">
          <p className="mb-3 text-sm text-slate-600">
            {t("inspection.draw.explain", {
              min: p.sampleMinPerCaller,
              share: p.sampleSharePermille / 10,
              max: p.sampleMaxPerCaller,
            })}
          </p>
          <DrawSampleForm week={week} />
          {data.draws.length > 0 ? (
            <div className="mt-3 border-t border-slate-100 pt-3">
              <h3 className="mb-1 text-sm font-medium">{t("inspection.draw.history")}</h3>
              <ul className="space-y-1 text-sm" data-testid="draws">
                {data.draws.map((d) => (
                  <li key={`${d.seed}-${d.at.toISOString()}`}>
                    {t("inspection.draw.seedLabel")} <code className="font-mono font-semibold">{d.seed}</code> ·{" "}
                    {t("inspection.draw.drawnAt", {
                      at: format.dateTime(d.at, {
                        month: "numeric",
                        day: "numeric",
                        hour: "2-digit",
                        minute: "2-digit",
                      }),
                      count: d.count,
                    })}{" "}
                    <Badge tone={d.reproduced ? "good" : "bad"}>
                      {d.reproduced ? t("inspection.draw.reproduced") : t("inspection.draw.notReproduced")}
                    </Badge>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </Card>
        <Card title={t("inspection.coverage.title")} className="md:col-span-2">
          <p className="text-sm" data-testid="coverage">
            {t("inspection.coverage.summary", {
              sampled: withLogs.filter((c) => c.sampled > 0).length,
              withLogs: withLogs.length,
            })}
          </p>
          <p className="mt-2 text-sm text-slate-600">
            {idle.length === 0 ? (
              t("inspection.coverage.allLogged")
            ) : (
              <>
                {t("inspection.coverage.noLogs", { count: idle.length })}
                {idle.map((c, i) => (
                  <Fragment key={c.callerId}>
                    {i > 0 ? t("inspection.coverage.separator") : null}
                    {withData((v) => t("inspection.coverage.idleCaller", v), { name: c.name, group: c.group })}
                  </Fragment>
                ))}
              </>
            )}
          </p>
        </Card>
      </div>

      <Card title={t("inspection.sampleTitle")} className="mt-4">
        {data.sample.length === 0 ? (
          <EmptyState>{t("inspection.sampleEmpty")}</EmptyState>
        ) : (
          <div data-testid="sample-table">
            <Table
              columns={sampleColumns}
              rows={data.sample}
              rowKey={(r) => r.id}
              caption={t("inspection.sampleTitle")}
            />
          </div>
        )}
      </Card>

      <Card title={t("inspection.suspiciousTitle")} className="mt-4">
        {data.suspicious.length === 0 ? (
          <EmptyState>{t("inspection.suspiciousEmpty")}</EmptyState>
        ) : (
          <div data-testid="suspicious-table">
            <Table
              columns={suspiciousColumns}
              rows={data.suspicious}
              rowKey={(r) => r.log.id}
              caption={t("inspection.suspiciousTitle")}
            />
          </div>
        )}
        <details className="mt-3 text-sm text-slate-600">
          <summary className="cursor-pointer">{t("inspection.rulesExplain")}</summary>
          <ul className="mt-2 space-y-1">
            {RULE_CODES.map((code) => (
              <li key={code}>
                {t.rich("inspection.ruleWithHelp", {
                  rule: t(`inspection.rule.${code}`),
                  help: t(`inspection.ruleHelp.${code}`, ruleValues[code]),
                  strong: (chunks) => <span className="font-medium">{chunks}</span>,
                })}
              </li>
            ))}
          </ul>
        </details>
      </Card>

      <Card title={t("inspection.movesTitle")} className="mt-4">
        <p className="mb-2 text-sm text-slate-600">{t("inspection.movesHelp")}</p>
        {moves.length === 0 ? (
          <EmptyState>{t("inspection.movesEmpty")}</EmptyState>
        ) : (
          <div data-testid="credit-kept-moves">
            <Table columns={moveColumns} rows={moves} rowKey={(m) => m.id} caption={t("inspection.movesTitle")} />
          </div>
        )}
      </Card>
    </>
  );
}
