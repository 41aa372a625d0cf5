import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StageBadge } from "@/components/calls/badges";
import { CallWorkspace } from "@/components/calls/call-workspace";
import { EditLogForm } from "@/components/calls/edit-log-form";
import { EscalateForm } from "@/components/calls/escalate-form";
import { DeclineStart, WithdrawalPanel } from "@/components/calls/withdrawal-panel";
import { AddEvidence } from "@/components/evidence/uploads";
import { EvidenceViewer } from "@/components/evidence/viewer";
import { CandidatePhaseOne } from "@/components/prospects/candidate-phase-one";
import { Markdown } from "@/components/scripts/markdown";
import { ScriptPanel } from "@/components/scripts/script-panel";
import { Badge, Card, EmptyState } from "@/components/ui/card";
import { type Column, Table } from "@/components/ui/table";
import { withData, Zh } from "@/components/ui/user-data";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { type CallerCandidate, candidateForCaller } from "@/lib/calls/queries";
import { evidenceOfLogs } from "@/lib/evidence/queries";
import { attachRefusal, lacksChatScreenshot, screenshotsLeft } from "@/lib/evidence/rules";
import { scriptOfPhase } from "@/lib/scripts/documents";
import { currentScript } from "@/lib/scripts/queries";
import { declineRefusal, materialsEditable, materialsOpen } from "@/lib/withdrawals/kinds";
import { OPEN_ESCALATION_STATUSES } from "@/lib/workflow/rules";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("title") };
}

type LedgerRow = CallerCandidate["ledger"][number];

export default async function CandidatePage({ params }: { params: Promise<{ candidateId: string }> }) {
  const user = await requirePermission("contact.log");
  const { candidateId } = await params;
  const now = new Date();
  const view = await candidateForCaller(user, candidateId, now);
  // another caller's candidate is indistinguishable from one that does not exist
  if (!view) notFound();
  const t = await getTranslations();
  const format = await getFormatter();
  const { candidate: c, phase, policy, totals, escalation, withdrawal, decline } = view;
  // the script of the phase open now, beside the form (none outside the phases)
  const scriptDocument = scriptOfPhase(phase);
  const script = scriptDocument ? await currentScript(view.campaign.id, scriptDocument) : null;
  const canEscalate = !(escalation && OPEN_ESCALATION_STATUSES.includes(escalation.status));
  const minutes = Math.floor(totals.seconds / 60);
  const contactsMet = totals.contacts >= policy.contactsPerCandidate;
  const minutesMet = minutes >= policy.minutesPerCandidate;
  const evidence = await evidenceOfLogs(view.ledger.map((l) => l.id));
  const evidenceCell = (l: LedgerRow) => {
    const kept = evidence.get(l.id) ?? [];
    const attachable = attachRefusal({ ...l, evidenceCount: kept.length }, 1, user.id, now, policy) === null;
    return (
      <div className="space-y-1" data-testid="ledger-evidence">
        {kept.length > 0 ? <EvidenceViewer evidence={kept} testId="ledger-evidence" /> : null}
        {lacksChatScreenshot({ channel: l.channel, evidenceCount: kept.length }) ? (
          <Badge tone="warn">{t("evidence.missing")}</Badge>
        ) : kept.length === 0 ? (
          "—"
        ) : null}
        {attachable ? <AddEvidence logId={l.id} left={screenshotsLeft(kept.length, policy)} /> : null}
      </div>
    );
  };
  const yesNo = (value: boolean) =>
    value ? <Badge tone="good">{t("workspace.yes")}</Badge> : <Badge>{t("workspace.no")}</Badge>;

  const columns: Column<LedgerRow>[] = [
    {
      key: "time",
      label: t("workspace.ledgerColumns.time"),
      cell: (l) =>
        format.dateTime(l.startedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" }),
      primary: true,
    },
    {
      key: "phase",
      label: t("workspace.ledgerColumns.phase"),
      cell: (l) =>
        l.cleanup ? (
          <span className="inline-flex flex-wrap items-center gap-1" data-testid="ledger-cleanup">
            {t(`phases.${l.phase}` as "phases.1")} <Badge tone="warn">{t("contactForm.cleanupBadge")}</Badge>
          </span>
        ) : (
          t(`phases.${l.phase}` as "phases.1")
        ),
    },
    { key: "channel", label: t("workspace.ledgerColumns.channel"), cell: (l) => t(`channel.${l.channel}`) },
    {
      key: "duration",
      label: t("workspace.ledgerColumns.duration"),
      cell: (l) =>
        t("workspace.durationValue", { minutes: Math.floor(l.durationSeconds / 60), seconds: l.durationSeconds % 60 }),
      align: "right",
    },
    {
      key: "outcome",
      label: t("workspace.ledgerColumns.outcome"),
      cell: (l) => (t.has(`outcome.${l.outcome}`) ? t(`outcome.${l.outcome}` as "outcome.GUIDED") : l.outcome),
    },
    { key: "notes", label: t("workspace.ledgerColumns.notes"), cell: (l) => (l.notes ? <Zh>{l.notes}</Zh> : "—") },
    { key: "caller", label: t("workspace.ledgerColumns.caller"), cell: (l) => <Zh>{l.caller.name}</Zh> },
    { key: "evidence", label: t("evidence.title"), cell: evidenceCell },
    {
      key: "edit",
      label: t("workspace.ledgerColumns.edit"),
      cell: (l) => (l.editable ? <EditLogForm log={l} /> : "—"),
    },
  ];

  return (
    <div className="space-y-4">
      {/* a strike-team member who is not a caller came from the strike team's queue */}
      <Link href={can(user.roles, "calls.view") ? "/calls" : "/strike"} className="text-sm text-brand-700 underline">
        {can(user.roles, "calls.view") ? t("workspace.back") : t("strikeWorkspace.back")}
      </Link>
      <header className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div>
            <h1 className="text-xl font-semibold" lang="zh">
              {c.name}
            </h1>
            <p className="text-sm text-slate-500 tabular-nums">
              {c.examNo} · {c.gender ? <Zh>{c.gender}</Zh> : "—"} · <Zh>{c.region}</Zh>
            </p>
          </div>
          <div className="flex flex-wrap gap-1">
            <StageBadge stage={view.stage} />
            {c.firstChoice === null ? null : (
              <Badge tone={c.firstChoice ? "info" : "warn"}>
                {c.firstChoice ? t("workspace.firstChoice") : t("workspace.notFirstChoice")}
              </Badge>
            )}
          </div>
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
          <dt className="text-slate-500">{t("workspace.school")}</dt>
          <dd lang={c.school ? "zh" : undefined}>{c.school ?? "—"}</dd>
          <dt className="text-slate-500">{t("workspace.major")}</dt>
          <dd lang={c.major ? "zh" : undefined}>{c.major ?? "—"}</dd>
        </dl>
      </header>

      {view.nextStep ? (
        <p className="rounded-xl bg-brand-50 p-4 text-brand-700" data-testid="next-step">
          <span className="font-semibold">{t("workspace.nextStepLabel")}</span>
          {t(`nextStep.${view.nextStep}`)}
        </p>
      ) : (
        <p className="rounded-xl bg-slate-100 p-4 text-slate-600">{t("phases.none")}</p>
      )}

      {escalation ? (
        <Card title={t("workspace.escalationTitle")}>
          <p className="text-sm" data-testid="escalation-state">
            {t(`escalation.reason.${escalation.reason}`)} ·{" "}
            <Badge tone={escalation.status === "SENT_BACK" ? "bad" : "warn"}>
              {t(`escalation.status.${escalation.status}`)}
            </Badge>
          </p>
          {escalation.note ? (
            <p className="mt-2 text-sm">
              {withData((v) => t("workspace.escalationNote", v), { note: escalation.note })}
            </p>
          ) : null}
          {escalation.advice ? (
            <p className="mt-2 text-sm">{withData((v) => t("workspace.advice", v), { advice: escalation.advice })}</p>
          ) : null}
          {escalation.resolution ? (
            <p className="mt-2 text-sm text-slate-600" lang="zh">
              {escalation.resolution}
            </p>
          ) : null}
        </Card>
      ) : null}
      {/* a caller may raise a candidate by hand when nothing is open on them */}
      {canEscalate ? <EscalateForm candidateId={c.id} /> : null}

      {/* on a phone the script comes first, closed, then the form; on a wider screen it sits beside the form */}
      <div className="grid gap-4 md:grid-cols-2 md:grid-rows-[auto_1fr]">
        {scriptDocument ? (
          <div className="md:col-start-2 md:row-start-1">
            <ScriptPanel title={t("scripts.panel.title", { phase: t(`phases.${phase}` as "phases.1") })}>
              {script ? (
                <Markdown source={script.body} testId="script-panel-body" />
              ) : (
                <p className="text-sm text-slate-500" data-testid="script-panel-empty">
                  {t("scripts.panel.empty")}
                </p>
              )}
              <Link href="/manual" className="mt-3 inline-block text-sm text-brand-700 underline">
                {t("scripts.panel.manualLink")}
              </Link>
            </ScriptPanel>
          </div>
        ) : null}
        <div className="space-y-4 md:col-start-1 md:row-span-2 md:row-start-1">
          <CallWorkspace
            candidateId={c.id}
            maskedPhones={view.maskedPhones}
            outcomes={view.allowedOutcomes}
            canLog={view.allowedOutcomes.length > 0}
            canCall={phase !== null}
            backdateHours={policy.backdateHours}
            evidencePerContact={policy.evidencePerContact}
            rule={
              view.unreachable
                ? {
                    attempts: policy.unreachableAttempts,
                    days: policy.unreachableMinDays,
                    ...view.unreachable,
                  }
                : null
            }
            cleanupUntil={
              view.cleanupUntil
                ? format.dateTime(view.cleanupUntil, {
                    month: "numeric",
                    day: "numeric",
                    hour: "2-digit",
                    minute: "2-digit",
                  })
                : null
            }
          />
          {withdrawal && withdrawal.status !== "NONE" ? (
            <WithdrawalPanel
              request={{
                id: withdrawal.id,
                status: withdrawal.status,
                checklist: withdrawal.checklist,
                reviewReason: withdrawal.reviewReason,
                photoCount: withdrawal.photos.length,
              }}
              editable={phase === 2 && (withdrawal.status === "AGREED" || withdrawal.status === "SENT_BACK")}
            />
          ) : null}
          {decline ? (
            <WithdrawalPanel
              kind="DECLINE"
              request={{
                id: decline.id,
                status: decline.status,
                checklist: decline.checklist,
                reason: decline.reason,
                reviewReason: decline.reviewReason,
                photoCount: decline.photos.length,
              }}
              editable={materialsEditable(decline.status) && materialsOpen("DECLINE", view.campaign.phaseWindows, now)}
            />
          ) : declineRefusal(c, view.campaign.phaseWindows, now) === null ? (
            <DeclineStart candidateId={c.id} />
          ) : null}
        </div>
        <Card title={t("workspace.statusTitle")} className="md:col-start-2 md:self-start">
          <dl className="grid grid-cols-2 gap-y-2 text-sm" data-testid="candidate-status">
            <dt className="text-slate-500">{t("workspace.intent")}</dt>
            <dd>{c.intent ? t(`intent.${c.intent}`) : "—"}</dd>
            <dt className="text-slate-500">{t("workspace.withdrawal")}</dt>
            <dd>{t(`withdrawal.status.${c.withdrawal}`)}</dd>
            <dt className="text-slate-500">{t("workspace.admitted")}</dt>
            <dd>{yesNo(c.admitted)}</dd>
            <dt className="text-slate-500">{t("workspace.comeIntent")}</dt>
            <dd>{c.comeIntent ? t(`comeIntent.${c.comeIntent}`) : "—"}</dd>
            <dt className="text-slate-500">{t("workspace.paid")}</dt>
            <dd>{yesNo(c.paid)}</dd>
            <dt className="text-slate-500">{t("workspace.dorm")}</dt>
            <dd>{yesNo(c.dormChosen)}</dd>
            <dt className="text-slate-500">{t("workspace.bus")}</dt>
            <dd>{yesNo(c.busBooked)}</dd>
            <dt className="text-slate-500">{t("workspace.master")}</dt>
            <dd>{yesNo(c.masterInterest)}</dd>
            <dt className="text-slate-500">{t("workspace.enrollment")}</dt>
            <dd>
              {c.noShowReason
                ? withData(
                    (v) => t("workspace.enrollmentWithReason", { ...v, status: t(`enrollment.${c.enrollment}`) }),
                    {
                      reason: c.noShowReason,
                    },
                  )
                : t(`enrollment.${c.enrollment}`)}
            </dd>
          </dl>
        </Card>
      </div>

      <Card
        title={t("workspace.ledgerTitle")}
        action={
          <span className="flex gap-1" data-testid="ledger-totals">
            <Badge tone={contactsMet ? "good" : "warn"}>
              {t("workspace.totalContacts", { done: totals.contacts, standard: policy.contactsPerCandidate })}
            </Badge>
            <Badge tone={minutesMet ? "good" : "warn"}>
              {t("workspace.totalMinutes", { done: minutes, standard: policy.minutesPerCandidate })}
            </Badge>
          </span>
        }
      >
        {totals.mine.contacts !== totals.contacts ? (
          <p className="mb-2 text-sm text-slate-600" data-testid="ledger-mine">
            {t("workspace.ledgerMine", {
              everyone: totals.contacts,
              contacts: totals.mine.contacts,
              minutes: Math.floor(totals.mine.seconds / 60),
            })}
          </p>
        ) : null}
        {view.ledger.length === 0 ? (
          <EmptyState>{t("workspace.ledgerEmpty")}</EmptyState>
        ) : (
          <Table columns={columns} rows={view.ledger} rowKey={(l) => l.id} caption={t("workspace.ledgerTitle")} />
        )}
      </Card>
      {/* after the list access check above: the caller in charge (or strike member) sees it */}
      <CandidatePhaseOne candidateId={c.id} />
    </div>
  );
}
