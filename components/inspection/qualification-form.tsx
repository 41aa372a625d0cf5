"use client";

import { useTranslations } from "next-intl";
import { reviewQualification } from "@/app/(app)/inspection/actions";
import { TwoWayDecision } from "@/components/ui/two-way-decision";

/** Approve in one tap, or reject with a written reason; the answer already given is not offered again. */
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
  return (
    <TwoWayDecision
      labels={{
        accept: t("approve"),
        sendBackWithReason: t("reject"),
        reason: t("reason"),
        sendBack: t("confirmReject"),
        cancel: t("cancel"),
      }}
      onAccept={() => reviewQualification({ profileId, decision: "APPROVED", reason: "" })}
      onSendBack={(reason) => reviewQualification({ profileId, decision: "REJECTED", reason })}
      offer={{ accept: status !== "APPROVED", sendBack: status !== "REJECTED" }}
      reasonMaxLength={200}
      align="end"
      testIds={{
        accept: `approve-${login}`,
        sendBackWithReason: `reject-${login}`,
        reason: `reject-reason-${login}`,
        sendBack: `confirm-reject-${login}`,
      }}
    />
  );
}
