"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { reviewWithdrawal } from "@/app/(app)/admin/withdrawals/actions";
import { Button } from "@/components/ui/button";

export function WithdrawalReview({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations("review");
  const router = useRouter();
  const [reason, setReason] = useState("");
  const [rejecting, setRejecting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function decide(decision: "approve" | "sendBack") {
    setPending(true);
    setError(null);
    const result =
      decision === "approve"
        ? await reviewWithdrawal({ requestId, version, decision })
        : await reviewWithdrawal({ requestId, version, decision, reason });
    setPending(false);
    if (result.ok) router.refresh();
    else setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error);
  }

  return (
    <div className="space-y-2">
      {rejecting ? (
        <>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("reason")}</span>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={500}
              className="w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
            />
          </label>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => decide("sendBack")}>
              {t("sendBack")}
            </Button>
            <Button variant="ghost" onClick={() => setRejecting(false)}>
              {t("cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => decide("approve")}>
            {t("approve")}
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setRejecting(true)}>
            {t("sendBackWithReason")}
          </Button>
        </div>
      )}
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
