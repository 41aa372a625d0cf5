"use client";

import { useTranslations } from "next-intl";
import { routeEscalation } from "@/app/(app)/groups/actions";
import { TwoWayDecision } from "@/components/ui/two-way-decision";

/** The leader's two answers to an escalation: on to the strike team, or back with advice. */
export function EscalationActions({ escalationId, version }: { escalationId: string; version: number }) {
  const t = useTranslations("leaderQueue");
  return (
    <TwoWayDecision
      labels={{
        accept: t("forward"),
        sendBackWithReason: t("adviseBack"),
        reason: t("advice"),
        sendBack: t("sendBack"),
        cancel: t("cancel"),
      }}
      onAccept={() => routeEscalation({ escalationId, version, decision: "forward" })}
      onSendBack={(advice) => routeEscalation({ escalationId, version, decision: "sendBack", advice })}
      reasonField="advice"
      testIds={{ accept: "forward-escalation" }}
    />
  );
}
