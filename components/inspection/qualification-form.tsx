"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { reviewQualification } from "@/app/(app)/inspection/actions";
import { Button } from "@/components/ui/button";
import { Field, TextArea } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";

/** Approve in one tap, or reject with a written reason. */
export function QualificationForm({
  profileId,
  login,
  status,
}: {
  profileId: string;
  login: string;
  status: "PENDING" | "APPROVED" | "REJECTED";
}) {
  const t = useTranslations("inspection.staff");
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const { run, pending, error, fieldErrors } = useActionRunner();

  async function decide(decision: "APPROVED" | "REJECTED") {
    const result = await run(() => reviewQualification({ profileId, decision, reason }));
    if (result.ok) {
      setRejecting(false);
      setReason("");
    }
  }

  return (
    <div className="space-y-2 text-left">
      {rejecting ? (
        <>
          <Field label={t("reason")} errors={fieldErrors.reason}>
            {(control) => (
              <TextArea
                {...control}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                maxLength={200}
                className="w-full min-w-48"
                data-testid={`reject-reason-${login}`}
              />
            )}
          </Field>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => decide("REJECTED")} data-testid={`confirm-reject-${login}`}>
              {t("confirmReject")}
            </Button>
            <Button variant="ghost" onClick={() => setRejecting(false)}>
              {t("cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap justify-end gap-2">
          {status !== "APPROVED" ? (
            <Button disabled={pending} onClick={() => decide("APPROVED")} data-testid={`approve-${login}`}>
              {t("approve")}
            </Button>
          ) : null}
          {status !== "REJECTED" ? (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => setRejecting(true)}
              data-testid={`reject-${login}`}
            >
              {t("reject")}
            </Button>
          ) : null}
        </div>
      )}
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
