"use client";

import { useTranslations } from "next-intl";
import { routeEscalation } from "@/app/(app)/groups/actions";
import { routeNotEnrolled } from "@/app/(app)/groups/not-enrolled-actions";
import { TwoWayDecision } from "@/components/ui/two-way-decision";
import { DERIVED_PREFIX } from "@/lib/groups/not-enrolled-id";

/**
 * The leader's two answers to an escalation: on to the strike team, or back with advice. A derived 未报到
 * case (its id names the candidate, it has no row yet) is routed by the action that creates its row.
 */
export function EscalationActions({ escalationId, version }: { escalationId: string; version: number }) {
  const t = useTranslations("leaderQueue");
  const derived = escalationId.startsWith(DERIVED_PREFIX) ? escalationId.slice(DERIVED_PREFIX.length) : null;
  return (
    <TwoWayDecision
      labels={{
        accept: t("forward"),
        sendBackWithReason: t("adviseBack"),
        reason: t("advice"),
        sendBack: t("sendBack"),
        cancel: t("cancel"),
      }}
      onAccept={() =>
        derived
          ? routeNotEnrolled({ candidateId: derived, decision: "forward" })
          : routeEscalation({ escalationId, version, decision: "forward" })
      }
      onSendBack={(advice) =>
        derived
          ? routeNotEnrolled({ candidateId: derived, decision: "sendBack", advice })
          : routeEscalation({ escalationId, version, decision: "sendBack", advice })
      }
      reasonField="advice"
      testIds={{ accept: "forward-escalation" }}
    />
  );
}
