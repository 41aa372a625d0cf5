"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { saveWithdrawalMaterials } from "@/app/(app)/calls/actions";
import { fileDecline } from "@/app/(app)/calls/decline-actions";
import { Button } from "@/components/ui/button";
import { WordsField } from "@/components/ui/field";
import { shrinkPhoto } from "@/components/ui/shrink-photo";
import { SubmitRow } from "@/components/ui/submit-row";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";
import { CHECKLISTS, DECLINE_REASON_MAX, type WithdrawalKind } from "@/lib/withdrawals/kinds";

/** Each kind's own words: its title, statuses and checklist items; the rest of the form is shared. */
const NAMESPACE = { WITHDRAW: "withdrawal", DECLINE: "decline" } as const satisfies Record<WithdrawalKind, string>;

/**
 * The materials of a 退档 or a 放弃录取 on the candidate page: the kind's checklist, photos of the signed
 * form, for a 放弃录取 its reason; saved as they are collected, then submitted to the data team.
 */
export function WithdrawalPanel({
  kind = "WITHDRAW",
  request,
  editable,
}: {
  kind?: WithdrawalKind;
  request: {
    id: string;
    status: string;
    checklist: string[];
    reason?: string | null;
    reviewReason: string | null;
    photoCount: number;
  };
  editable: boolean;
}) {
  const t = useTranslations("withdrawal");
  const root = useTranslations();
  const own = NAMESPACE[kind];
  const [checked, setChecked] = useState<string[]>(request.checklist);
  const [reason, setReason] = useState(request.reason ?? "");
  const [files, setFiles] = useState<File[]>([]);
  const [saved, setSaved] = useState<string | null>(null);
  const { run, refuse, pending, error, fieldErrors } = useActionRunner();

  async function save(submit: boolean) {
    setSaved(null);
    // the runner answers an unreachable server as UNAVAILABLE; here it says that nothing was saved
    let unreachable = false;
    try {
      const result = await run(async () => {
        const form = new FormData();
        form.set("requestId", request.id);
        for (const item of checked) form.append("checklist", item);
        for (const file of files) form.append("photos", await shrinkPhoto(file));
        if (kind === "DECLINE") form.set("reason", reason);
        form.set("submit", String(submit));
        return saveWithdrawalMaterials(form).catch((error: unknown) => {
          unreachable = true;
          throw error;
        });
      });
      if (unreachable) refuse(t("offline"));
      else if (result.ok) {
        setFiles([]);
        setSaved(submit ? t("submitted") : t("saved"));
      }
    } catch {
      // the action could not be reached (a phone on a bad network): nothing was saved
      refuse(t("offline"));
    }
  }

  const titleId = `${own}-title`;
  return (
    <section
      className="rounded-xl border border-amber-200 bg-amber-50 p-4"
      aria-labelledby={titleId}
      data-testid={`${own}-panel`}
    >
      <h2 id={titleId} className="text-base font-semibold">
        {root(`${own}.title`)} · {root(`${own}.status.${request.status}` as "withdrawal.status.AGREED")}
      </h2>
      {request.status === "SENT_BACK" && request.reviewReason ? (
        <p className="mt-1 text-sm text-rose-700" data-testid={`${own}-sent-back`}>
          {withData((v) => t("sentBack", v), { reason: request.reviewReason })}
        </p>
      ) : null}
      {kind === "DECLINE" ? (
        editable ? (
          <WordsField
            className="mt-3"
            label={root("decline.reason")}
            errors={fieldErrors.reason}
            value={reason}
            onChange={setReason}
            rows={2}
            maxLength={DECLINE_REASON_MAX}
            testId="decline-reason"
          />
        ) : (
          <p className="mt-2 text-sm">
            {withData((v) => root("declineReview.reason", v), { reason: request.reason ?? "—" })}
          </p>
        )
      ) : null}
      <fieldset className="mt-3" disabled={!editable}>
        <legend className="mb-1 text-sm font-medium">{t("checklist")}</legend>
        {CHECKLISTS[kind].map((item) => (
          <label key={item} className="flex min-h-10 items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-5"
              checked={checked.includes(item)}
              onChange={(e) => setChecked((c) => (e.target.checked ? [...c, item] : c.filter((x) => x !== item)))}
            />
            {root(`${own}.items.${item}` as "withdrawal.items.ID_COPY")}
          </label>
        ))}
      </fieldset>
      <p className="mt-2 text-sm text-slate-600">{t("photos", { count: request.photoCount })}</p>
      {kind === "DECLINE" ? <p className="mt-1 text-xs text-slate-500">{root("decline.countsNote")}</p> : null}
      {editable ? (
        <>
          <label className="mt-2 block text-sm">
            <span className="mb-1 block font-medium">{t("addPhotos")}</span>
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp"
              capture="environment"
              multiple
              onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              className="block w-full text-sm"
              data-testid={`${own}-photos`}
            />
          </label>
          <p
            aria-live="polite"
            className={`mt-2 min-h-5 text-sm ${error ? "text-rose-700" : "text-emerald-700"}`}
            data-testid={`${own}-message`}
          >
            {error ?? saved}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <Button variant="secondary" disabled={pending} onClick={() => save(false)}>
              {t("save")}
            </Button>
            <Button disabled={pending} onClick={() => save(true)} data-testid={`${own}-submit`}>
              {t("submit")}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}

/**
 * 登记放弃录取 on an admitted candidate's page: folded until needed, then the reason. Once filed, the
 * page shows the materials panel above in its place.
 */
export function DeclineStart({ candidateId }: { candidateId: string }) {
  const t = useTranslations("decline");
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const { run, pending, error, fieldErrors, formRef } = useActionRunner();

  if (!open) {
    return (
      <Button variant="secondary" onClick={() => setOpen(true)} data-testid="open-decline">
        {t("start")}
      </Button>
    );
  }
  return (
    <form
      ref={formRef}
      noValidate
      className="space-y-3 rounded-xl border border-amber-200 bg-amber-50 p-4"
      data-testid="decline-form"
      onSubmit={async (event) => {
        event.preventDefault();
        const result = await run(() => fileDecline({ candidateId, reason }));
        if (result.ok) setOpen(false);
      }}
    >
      <h2 className="text-base font-semibold">{t("start")}</h2>
      <p className="text-sm text-slate-700">{t("startHint")}</p>
      <WordsField
        label={t("reason")}
        hint={t("reasonHint")}
        errors={fieldErrors.reason ?? fieldErrors.candidateId}
        value={reason}
        onChange={setReason}
        rows={3}
        maxLength={DECLINE_REASON_MAX}
        testId="decline-start-reason"
      />
      <div className="flex flex-wrap items-center gap-2">
        <SubmitRow
          pending={pending}
          label={t("file")}
          pendingLabel={t("filing")}
          error={error}
          notice={null}
          testId="submit-decline"
          messageTestId="decline-start-message"
        />
        <Button variant="ghost" type="button" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}
