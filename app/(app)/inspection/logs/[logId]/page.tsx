import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { EvidenceViewer } from "@/components/evidence/viewer";
import { FindingCard } from "@/components/inspection/finding-card";
import { FindingForm } from "@/components/inspection/finding-form";
import { InspectionPhones } from "@/components/inspection/reveal-phone";
import { VerdictForm } from "@/components/inspection/verdict-form";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { currentCampaign } from "@/lib/campaign/queries";
import { evidenceOfLogs } from "@/lib/evidence/queries";
import { lacksChatScreenshot } from "@/lib/evidence/rules";
import { type DeductionRule, deductionRule, VIOLATION_KINDS } from "@/lib/inspection/findings";
import { findingsWithEffects, logUnderReview } from "@/lib/inspection/queries";
import { Week } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inspection.log"))("title") };
}

type Ledger = NonNullable<Awaited<ReturnType<typeof logUnderReview>>>["candidate"]["contactLogs"][number];

export default async function InspectLogPage({ params }: { params: Promise<{ logId: string }> }) {
  const user = await requirePermission("contactLog.view");
  // the leadership's spot-check reads the same record without the verdict form (lib/auth/permissions.ts)
  const judges = can(user.roles, "inspection.record");
  const { logId } = await params;
  const campaign = await currentCampaign();
  if (!campaign) notFound();
  const log = await logUnderReview(campaign.id, logId, campaign.inspectionPolicy);
  if (!log) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const now = new Date();
  const { state } = log;
  const inspection = log.inspection;
  const { findings, policy } = inspection
    ? await findingsWithEffects(campaign.id, { inspectionId: inspection.id })
    : { findings: [], policy: null };
  const rules = policy
    ? (Object.fromEntries(VIOLATION_KINDS.map((k) => [k, deductionRule(k, policy)])) as Record<
        (typeof VIOLATION_KINDS)[number],
        DeductionRule
      >)
    : null;
  const screenshots = (await evidenceOfLogs([log.id])).get(log.id) ?? [];
  const citedIndex = screenshots.findIndex((e) => e.id === inspection?.citedEvidenceId);
  const week = Week.of(log.startedAt);
  const when = (at: Date) =>
    format.dateTime(at, { year: "numeric", month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" });
  const outcomeLabel = (o: string) => (t.has(`outcome.${o}`) ? t(`outcome.${o}` as "outcome.GUIDED") : o);
  const duration = (s: number) => t("inspection.log.durationValue", { minutes: Math.floor(s / 60), seconds: s % 60 });
  const checked =
    inspection?.checkedAt && inspection.inspector
      ? { by: inspection.inspector.name, at: when(inspection.checkedAt) }
      : null;
  const flaggedBy =
    state?.kind === "flagged" ? state.rules : ((inspection?.rule?.split(",").filter(Boolean) ?? []) as string[]);

  const ledgerColumns: Column<Ledger>[] = [
    {
      key: "time",
      label: t("inspection.columns.time"),
      cell: (l) => (
        <span className={l.id === log.id ? "font-semibold text-brand-700" : ""}>
          {format.dateTime(l.startedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}
        </span>
      ),
      primary: true,
    },
    { key: "caller", label: t("inspection.columns.caller"), cell: (l) => <Zh>{l.caller.name}</Zh> },
    { key: "channel", label: t("inspection.columns.channel"), cell: (l) => t(`channel.${l.channel}`) },
    {
      key: "duration",
      label: t("inspection.columns.duration"),
      cell: (l) => duration(l.durationSeconds),
      align: "right",
    },
    { key: "outcome", label: t("inspection.columns.outcome"), cell: (l) => outcomeLabel(l.outcome) },
    { key: "notes", label: t("inspection.log.notes"), cell: (l) => (l.notes ? <Zh>{l.notes}</Zh> : "—") },
  ];

  return (
    <div className="space-y-4">
      {can(user.roles, "inspection.view") ? (
        <Link href={`/inspection?week=${week}`} className="text-sm text-brand-700 underline">
          {t("inspection.log.back")}
        </Link>
      ) : null}
      <PageHeader
        title={withData((v) => t("inspection.log.titleWith", v), { name: log.candidate.name })}
        subtitle={
          <>
            {log.candidate.examNo} · <Zh>{log.candidate.region}</Zh> ·{" "}
            {log.candidate.group ? <Zh>{log.candidate.group.name}</Zh> : "—"}
          </>
        }
      />

      <div className="grid gap-4 md:grid-cols-2">
        <Card title={t("inspection.log.details")}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm" data-testid="log-details">
            <dt className="text-slate-500">{t("inspection.log.caller")}</dt>
            <dd data-testid="log-caller" lang="zh">
              {log.caller.name}
            </dd>
            <dt className="text-slate-500">{t("inspection.log.time")}</dt>
            <dd>{when(log.startedAt)}</dd>
            <dt className="text-slate-500">{t("inspection.log.recordedAt")}</dt>
            <dd>{when(log.createdAt)}</dd>
            <dt className="text-slate-500">{t("inspection.log.phase")}</dt>
            <dd>{t(`phases.${log.phase}` as "phases.1")}</dd>
            <dt className="text-slate-500">{t("inspection.log.channel")}</dt>
            <dd>{t(`channel.${log.channel}`)}</dd>
            <dt className="text-slate-500">{t("inspection.log.duration")}</dt>
            <dd>{duration(log.durationSeconds)}</dd>
            <dt className="text-slate-500">{t("inspection.log.outcome")}</dt>
            <dd>{outcomeLabel(log.outcome)}</dd>
            <dt className="text-slate-500">{t("inspection.log.notes")}</dt>
            <dd className="whitespace-pre-wrap">{log.notes ? <Zh>{log.notes}</Zh> : "—"}</dd>
            <dt className="text-slate-500">{t("evidence.title")}</dt>
            <dd className="flex flex-wrap gap-1" data-testid="log-evidence-summary">
              {lacksChatScreenshot({ channel: log.channel, evidenceCount: screenshots.length }) ? (
                <Badge tone="warn">{t("evidence.missing")}</Badge>
              ) : (
                t("evidence.count", { count: screenshots.length })
              )}
              {citedIndex >= 0 ? (
                <Badge tone="info">
                  <span data-testid="log-cited">{t("evidence.cited", { n: citedIndex + 1 })}</span>
                </Badge>
              ) : null}
            </dd>
            <dt className="text-slate-500">{t("inspection.log.why")}</dt>
            <dd className="flex flex-wrap gap-1">
              {inspection?.reason === "SAMPLE" ? (
                <Badge tone="info">
                  {t("inspection.reason.SAMPLE")} · {t("inspection.log.seed", { seed: inspection.sampleSeed ?? "—" })}
                </Badge>
              ) : null}
              {flaggedBy.map((code) => (
                <Badge key={code} tone="warn">
                  {t.has(`inspection.rule.${code}`)
                    ? t(`inspection.rule.${code}` as "inspection.rule.ZERO_DURATION")
                    : code}
                </Badge>
              ))}
              {!state ? <span>—</span> : null}
            </dd>
          </dl>
        </Card>

        {!judges ? (
          <Card title={t("spotCheck.title")}>
            <p className="mb-2 text-sm text-slate-600">{t("spotCheck.body")}</p>
            <p className="text-sm" data-testid="spot-check-verdict">
              {inspection?.verdict
                ? t("spotCheck.verdict", { verdict: t(`inspection.verdict.${inspection.verdict}`) })
                : t("spotCheck.noVerdict")}
            </p>
          </Card>
        ) : state ? (
          <div className="space-y-4">
            <Card title={t("evidence.title")}>
              {screenshots.length === 0 ? (
                <EmptyState>{t("evidence.empty")}</EmptyState>
              ) : (
                <EvidenceViewer evidence={screenshots} testId="inspection-evidence" />
              )}
            </Card>
            <Card title={t("inspection.verdictForm.title")}>
              {checked ? (
                <p className="mb-2 text-xs text-slate-500">
                  {withData((v) => t("inspection.log.checkedBy", { ...v, at: checked.at }), { name: checked.by })}
                </p>
              ) : null}
              <VerdictForm
                logId={log.id}
                verdict={inspection?.verdict ?? null}
                evidence={inspection?.evidence ?? null}
                locked={(inspection?._count.findings ?? 0) > 0}
                screenshots={screenshots}
                citedEvidenceId={inspection?.citedEvidenceId ?? null}
              />
            </Card>
            <Card title={t("inspection.phone.title")}>
              <InspectionPhones logId={log.id} maskedPhones={log.candidate.maskedPhones} />
            </Card>
          </div>
        ) : (
          <Card>
            <EmptyState>{t("inspection.log.notUnder")}</EmptyState>
          </Card>
        )}
      </div>

      {judges && inspection?.verdict === "FALSE" && rules ? (
        <Card title={t("inspection.finding.title")}>
          <p className="mb-3 text-sm text-rose-700">{t("inspection.finding.fromFalse")}</p>
          <FindingForm inspectionId={inspection.id} rules={rules} defaultKind="FAKE_CALLBACK" />
        </Card>
      ) : null}

      {findings.length > 0 && policy ? (
        <section className="space-y-3" data-testid="log-findings">
          {findings.map((f) => (
            <FindingCard key={f.id} finding={f} policy={policy} now={now} showLogLink={false} followUp={judges} />
          ))}
        </section>
      ) : null}

      <Card title={t("inspection.log.ledger")}>
        {log.candidate.contactLogs.length === 0 ? (
          <EmptyState>{t("inspection.log.ledgerEmpty")}</EmptyState>
        ) : (
          <Table
            columns={ledgerColumns}
            rows={log.candidate.contactLogs}
            rowKey={(l) => l.id}
            caption={t("inspection.log.ledger")}
          />
        )}
      </Card>
    </div>
  );
}
