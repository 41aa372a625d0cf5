"use client";

import { useTranslations } from "next-intl";
import { reviewWithdrawal } from "@/app/(app)/admin/withdrawals/actions";
import { TwoWayDecision } from "@/components/ui/two-way-decision";

/** The data team's two answers to submitted withdrawal materials. */
export function WithdrawalReview({ requestId, version }: { requestId: string; version: number }) {
  const t = useTranslations("review");
  return (
    <TwoWayDecision
      labels={{
        accept: t("approve"),
        sendBackWithReason: t("sendBackWithReason"),
        reason: t("reason"),
        sendBack: t("sendBack"),
        cancel: t("cancel"),
      }}
      onAccept={() => reviewWithdrawal({ requestId, version, decision: "approve" })}
      onSendBack={(reason) => reviewWithdrawal({ requestId, version, decision: "sendBack", reason })}
    />
  );
}
