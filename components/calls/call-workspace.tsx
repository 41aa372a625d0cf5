"use client";

import { useTranslations } from "next-intl";
import { useCallback, useEffect, useId, useState } from "react";
import { logContact, revealPhone } from "@/app/(app)/calls/actions";
import { EvidencePicker, useEvidenceUploads } from "@/components/evidence/uploads";
import { Button } from "@/components/ui/button";
import { Field, FieldError, Input, WordsField } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { openDialer } from "@/lib/calls/dialer";
import { atBeijingClock, beijingDateTime, HOUR_MS, parseBeijingDateTime, parseDay } from "@/lib/time";
import { NO_SHOW_REASON_SUGGESTIONS } from "@/lib/workflow/no-show-reasons";
import { CHANNELS, type ChannelCode } from "@/lib/workflow/phases";

type Channel = ChannelCode;

interface Draft {
  idempotencyKey: string;
  channel: Channel | "";
  minutes: string;
  seconds: string;
  outcome: string;
  notes: string;
  nextFollowUp: string;
  noShowReason: string;
  /** when the call started, from the timer (ms since epoch) */
  startedAt: number | null;
  /** when the call happened, typed (Beijing wall clock "YYYY-MM-DDTHH:mm"); empty: now, or the timer's start */
  calledAt: string;
}

const emptyDraft = (): Draft => ({
  idempotencyKey: crypto.randomUUID(),
  channel: "",
  minutes: "",
  seconds: "",
  outcome: "",
  notes: "",
  nextFollowUp: "",
  noShowReason: "",
  startedAt: null,
  calledAt: "",
});

/**
 * The form is kept in localStorage as the caller types: a reload, a dropped connection or a phone
 * call that pushes the browser away loses nothing. The idempotency key lives in the draft too, so a
 * retry of the same contact after reconnecting can never record it twice.
 */
function usePersistentDraft(candidateId: string) {
  const key = `huifang:draft:${candidateId}`;
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(key);
      if (stored) setDraft({ ...emptyDraft(), ...(JSON.parse(stored) as Partial<Draft>) });
    } catch {
      // a corrupt draft is dropped, not fatal
    }
  }, [key]);
  const update = useCallback(
    (patch: Partial<Draft>) =>
      setDraft((current) => {
        const next = { ...current, ...patch };
        window.localStorage.setItem(key, JSON.stringify(next));
        return next;
      }),
    [key],
  );
  const reset = useCallback(() => {
    window.localStorage.removeItem(key);
    setDraft(emptyDraft());
  }, [key]);
  return { draft, update, reset };
}

function formatClock(totalSeconds: number) {
  const m = Math.floor(totalSeconds / 60);
  const s = totalSeconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}`;
}

/** How the unreachable rule stands for this candidate (lib/workflow unreachableCountdown, with the policy). */
export interface UnreachableRule {
  attempts: number;
  days: number;
  streak: number;
  streakDays: number;
  attemptsLeft: number;
  nextEscalates: boolean;
}

export function CallWorkspace({
  candidateId,
  maskedPhones,
  outcomes,
  canLog,
  canCall,
  backdateHours,
  rule,
  cleanupUntil,
  evidencePerContact,
}: {
  candidateId: string;
  maskedPhones: string[];
  outcomes: string[];
  canLog: boolean;
  canCall: boolean;
  /** how far back a contact may be logged (the workflow policy) */
  backdateHours: number;
  rule: UnreachableRule | null;
  /** set when the page is worked in the clean-up period: its end, formatted */
  cleanupUntil: string | null;
  /** screenshots a contact may keep (the workflow policy) */
  evidencePerContact: number;
}) {
  const t = useTranslations("workspace");
  const tForm = useTranslations("contactForm");
  const tOutcome = useTranslations("outcome");
  const tChannel = useTranslations("channel");
  const tEvidence = useTranslations("evidence");
  const formId = useId();
  const { draft, update, reset } = usePersistentDraft(candidateId);
  // screenshots picked with the contact: sent once it is saved, each with its own state and retry
  const evidence = useEvidenceUploads();
  const [revealed, setRevealed] = useState<Record<number, string>>({});
  const [now, setNow] = useState(() => Date.now());
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  // the message line says what happened to the whole contact; each field's own refusal sits below it
  const { run, pending, fieldErrors, formRef } = useActionRunner();
  // a revealed number changes nothing on the page: no refresh
  const { run: runReveal } = useActionRunner({ refresh: "never" });
  const timerRunning = draft.startedAt !== null && draft.minutes === "" && draft.seconds === "";

  // the shown "now" is the phone's, set after hydration: the server's clock would not match it
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  // the timer ticks every second; otherwise the shown "now" of the call-time field keeps up every half minute
  useEffect(() => {
    const id = window.setInterval(() => setNow(Date.now()), timerRunning ? 1000 : 30_000);
    return () => window.clearInterval(id);
  }, [timerRunning]);

  async function reveal(index: number): Promise<string | null> {
    const existing = revealed[index];
    if (existing) return existing;
    const result = await runReveal(() => revealPhone({ candidateId, index }));
    if (!result.ok) {
      setMessage({ tone: "error", text: result.error });
      return null;
    }
    setRevealed((r) => ({ ...r, [index]: result.data.phone }));
    return result.data.phone;
  }

  // the reveal completes (and is audited) before the dialer opens, and the dialer opens in a frame of its
  // own: the page never navigates, so nothing in flight is cancelled and the form stays usable
  async function call(index: number) {
    const phone = await reveal(index);
    if (!phone) return;
    update({ startedAt: Date.now(), channel: "PHONE", minutes: "", seconds: "", calledAt: "" });
    setNow(Date.now());
    try {
      openDialer(phone);
    } catch {
      setMessage({ tone: "error", text: tForm("dialerFailed", { phone }) });
    }
  }

  function stopTimer() {
    if (draft.startedAt === null) return;
    const elapsed = Math.max(0, Math.round((Date.now() - draft.startedAt) / 1000));
    update({ minutes: String(Math.floor(elapsed / 60)), seconds: String(elapsed % 60) });
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (evidence.uploads.filter((u) => u.status !== "saved").length > evidencePerContact) {
      setMessage({ tone: "error", text: tEvidence("tooManyChosen", { max: evidencePerContact }) });
      return;
    }
    if (timerRunning) stopTimer();
    const elapsed = draft.startedAt !== null ? Math.max(0, Math.round((Date.now() - draft.startedAt) / 1000)) : 0;
    const durationSeconds = timerRunning
      ? elapsed
      : (Number(draft.minutes || 0) || 0) * 60 + (Number(draft.seconds || 0) || 0);
    setMessage(null);
    // the runner answers an unreachable server as UNAVAILABLE; here it gets its own sentence, which
    // says the entry is kept on the phone for the retry
    let unreachable = false;
    const offline = (error: unknown): never => {
      unreachable = true;
      throw error;
    };
    try {
      const result = await run(() =>
        logContact({
          candidateId,
          idempotencyKey: draft.idempotencyKey,
          channel: draft.channel,
          durationSeconds,
          outcome: draft.outcome,
          notes: draft.notes,
          // a typed time wins over the timer's; one that is not a real time goes as typed, for the action to refuse
          startedAt: draft.calledAt
            ? (parseBeijingDateTime(draft.calledAt)?.toISOString() ?? draft.calledAt)
            : draft.startedAt
              ? new Date(draft.startedAt).toISOString()
              : "",
          // a follow-up day means 9:00 Beijing time that day; anything else goes as typed, for the action to refuse
          nextFollowUpAt: parseDay(draft.nextFollowUp)
            ? atBeijingClock(draft.nextFollowUp, 9).toISOString()
            : draft.nextFollowUp,
          noShowReason: draft.outcome === "NOT_ENROLLED" ? draft.noShowReason : "",
        }).catch(offline),
      );
      if (unreachable) {
        setMessage({ tone: "error", text: t("offline") });
      } else if (result.ok) {
        reset();
        const saved = result.data.escalated
          ? t("savedEscalated")
          : result.data.duplicate
            ? t("savedDuplicate")
            : t("saved");
        setMessage({ tone: "ok", text: saved });
        // the contact is kept whatever becomes of its screenshots: a failed one says so beside its retry
        if (evidence.uploads.some((u) => u.status !== "saved")) {
          const allSaved = await evidence.sendAll(result.data.logId);
          if (allSaved) evidence.clearSaved();
          else setMessage({ tone: "error", text: tEvidence("savedWithoutSome", { saved }) });
        }
      } else {
        // a closed record says why (the clean-up period's rules) under the time and here
        const why = result.code === "CLOSED" ? result.fieldErrors?.startedAt?.[0] : undefined;
        setMessage({ tone: "error", text: why ?? result.error });
      }
    } catch {
      setMessage({ tone: "error", text: t("offline") });
    }
  }

  const fieldError = (name: string) => (
    <FieldError id={`${formId}-${name}-error`} errors={fieldErrors[name]} testId={`field-error-${name}`} />
  );
  const describedBy = (name: string) => ({
    "aria-describedby": `${formId}-${name}-error`,
    "aria-invalid": Boolean(fieldErrors[name]?.length),
  });

  return (
    <div className="space-y-4">
      <section aria-label={t("phones")} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <h2 className="mb-2 text-base font-semibold">{t("phones")}</h2>
        <ul className="space-y-2">
          {maskedPhones.map((masked, index) => (
            <li key={masked + String(index)} className="flex flex-wrap items-center justify-between gap-2">
              <span className="text-lg tabular-nums" data-testid={`phone-${index}`}>
                {revealed[index] ?? masked}
              </span>
              <span className="flex gap-2">
                {revealed[index] ? null : (
                  <Button variant="secondary" onClick={() => reveal(index)}>
                    {t("reveal")}
                  </Button>
                )}
                {canCall ? (
                  <Button onClick={() => call(index)} data-testid={`call-${index}`}>
                    {t("call")}
                  </Button>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-slate-500">{t("revealNote")}</p>
        {draft.startedAt !== null && timerRunning ? (
          <div
            className="mt-3 flex items-center justify-between rounded-lg bg-emerald-50 px-3 py-2"
            data-testid="call-timer"
          >
            <span className="text-emerald-800">
              {t("inCall")}{" "}
              <span className="font-semibold tabular-nums">
                {formatClock(Math.max(0, Math.round((now - draft.startedAt) / 1000)))}
              </span>
            </span>
            <Button variant="secondary" onClick={stopTimer} data-testid="stop-timer">
              {t("endCall")}
            </Button>
          </div>
        ) : null}
      </section>

      {canLog ? (
        <form
          ref={formRef}
          onSubmit={submit}
          noValidate
          className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
          aria-labelledby={`${formId}-title`}
        >
          <h2 id={`${formId}-title`} className="text-base font-semibold">
            {t("logTitle")}
          </h2>
          {cleanupUntil ? (
            <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="cleanup-notice">
              {tForm("cleanupNotice", { until: cleanupUntil })}
            </p>
          ) : null}
          <fieldset>
            <legend className="mb-1 text-sm font-medium">{t("channel")}</legend>
            <div className="flex flex-wrap gap-2">
              {CHANNELS.map((channel) => (
                <label
                  key={channel}
                  className={`inline-flex min-h-11 cursor-pointer items-center rounded-lg border px-3 text-sm ${
                    draft.channel === channel ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300"
                  }`}
                >
                  <input
                    type="radio"
                    name="channel"
                    value={channel}
                    checked={draft.channel === channel}
                    onChange={() => update({ channel })}
                    {...describedBy("channel")}
                    className="sr-only"
                  />
                  {tChannel(channel)}
                </label>
              ))}
            </div>
            {fieldError("channel")}
          </fieldset>

          <fieldset>
            <legend className="mb-1 text-sm font-medium">{t("duration")}</legend>
            {timerRunning ? (
              <p className="text-sm text-slate-600">{t("durationFromTimer")}</p>
            ) : (
              <div className="flex items-center gap-2">
                <Input
                  {...describedBy("durationSeconds")}
                  aria-label={t("minutes")}
                  name="minutes"
                  inputMode="numeric"
                  value={draft.minutes}
                  onChange={(e) => update({ minutes: e.target.value.replace(/\D/g, "").slice(0, 3) })}
                  className="w-20 tabular-nums"
                />
                <span>{t("minutes")}</span>
                <Input
                  {...describedBy("durationSeconds")}
                  aria-label={t("seconds")}
                  name="seconds"
                  inputMode="numeric"
                  value={draft.seconds}
                  onChange={(e) => update({ seconds: e.target.value.replace(/\D/g, "").slice(0, 2) })}
                  className="w-20 tabular-nums"
                />
                <span>{t("seconds")}</span>
              </div>
            )}
            {fieldError("durationSeconds")}
          </fieldset>

          <div>
            <label htmlFor={`${formId}-calledAt`} className="mb-1 block text-sm font-medium">
              {tForm("startedAt")}
            </label>
            <div className="flex flex-wrap items-center gap-2">
              <Input
                {...describedBy("startedAt")}
                id={`${formId}-calledAt`}
                type="datetime-local"
                name="calledAt"
                data-testid="called-at"
                value={draft.calledAt || (mounted ? beijingDateTime(new Date(draft.startedAt ?? now)) : "")}
                min={mounted ? beijingDateTime(new Date(now - backdateHours * HOUR_MS)) : undefined}
                max={mounted ? beijingDateTime(new Date(now)) : undefined}
                onChange={(e) => update({ calledAt: e.target.value })}
                className="w-56 tabular-nums"
              />
              {draft.calledAt ? (
                <Button variant="secondary" onClick={() => update({ calledAt: "" })} data-testid="called-at-now">
                  {tForm("startedAtNow")}
                </Button>
              ) : null}
            </div>
            <p className="mt-1 text-xs text-slate-500">
              {draft.startedAt !== null && !draft.calledAt
                ? tForm("fromTimer")
                : tForm("startedAtHint", { hours: backdateHours })}
            </p>
            {fieldError("startedAt")}
          </div>

          <fieldset>
            <legend className="mb-1 text-sm font-medium">{t("outcome")}</legend>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3">
              {outcomes.map((outcome) => (
                <label
                  key={outcome}
                  className={`flex min-h-11 cursor-pointer items-center rounded-lg border px-3 text-sm ${
                    draft.outcome === outcome ? "border-brand-600 bg-brand-50 text-brand-700" : "border-slate-300"
                  }`}
                >
                  <input
                    type="radio"
                    name="outcome"
                    value={outcome}
                    checked={draft.outcome === outcome}
                    onChange={() => update({ outcome })}
                    {...describedBy("outcome")}
                    className="sr-only"
                  />
                  {tOutcome(outcome as "GUIDED")}
                </label>
              ))}
            </div>
            {fieldError("outcome")}
          </fieldset>

          {rule ? (
            <div
              className={`rounded-lg px-3 py-2 text-sm ${rule.nextEscalates ? "bg-amber-50 text-amber-900" : "bg-slate-50 text-slate-600"}`}
              data-testid="escalation-rule"
            >
              <span className="font-medium">{tForm("ruleTitle")}</span>
              {tForm("rule", { attempts: rule.attempts, days: rule.days })}
              {rule.streak > 0 ? ` ${tForm("streak", { streak: rule.streak, days: rule.streakDays })}` : null}{" "}
              <strong data-testid="escalation-countdown">
                {rule.nextEscalates ? tForm("nextEscalates") : tForm("attemptsLeft", { count: rule.attemptsLeft })}
              </strong>
            </div>
          ) : null}

          {draft.outcome === "NOT_ENROLLED" ? (
            <Field label={t("noShowReason")} errors={fieldErrors.noShowReason} errorTestId="field-error-noShowReason">
              {(control) => (
                <>
                  <Input
                    {...control}
                    value={draft.noShowReason}
                    onChange={(e) => update({ noShowReason: e.target.value })}
                    lang="zh"
                    list={`${formId}-reasons`}
                    className="w-full"
                  />
                  <datalist id={`${formId}-reasons`}>
                    {NO_SHOW_REASON_SUGGESTIONS.map((r) => (
                      <option key={r} value={r} lang="zh" />
                    ))}
                  </datalist>
                </>
              )}
            </Field>
          ) : null}

          <WordsField
            label={t("notes")}
            errors={fieldErrors.notes}
            errorTestId="field-error-notes"
            value={draft.notes}
            onChange={(notes) => update({ notes })}
            rows={3}
            maxLength={1000}
          />

          <fieldset data-testid="contact-evidence">
            <legend className="mb-1 text-sm font-medium">{tEvidence("title")}</legend>
            <EvidencePicker uploads={evidence} max={evidencePerContact} testId="contact-evidence" />
          </fieldset>

          <Field label={t("nextFollowUp")} errors={fieldErrors.nextFollowUpAt} errorTestId="field-error-nextFollowUpAt">
            {(control) => (
              <Input
                {...control}
                type="date"
                value={draft.nextFollowUp}
                onChange={(e) => update({ nextFollowUp: e.target.value })}
              />
            )}
          </Field>

          <p
            aria-live="polite"
            data-testid="log-message"
            className={`min-h-5 text-sm ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
          >
            {message?.text}
          </p>
          <Button type="submit" className="w-full" disabled={pending} data-testid="log-submit">
            {pending ? t("saving") : t("save")}
          </Button>
        </form>
      ) : (
        <p className="rounded-xl border border-dashed border-slate-300 p-4 text-sm text-slate-500">{t("readOnly")}</p>
      )}
    </div>
  );
}
