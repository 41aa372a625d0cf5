"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { routeEscalation } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";

/** The leader's two answers to an escalation: on to the strike team, or back with advice. */
export function EscalationActions({ escalationId, version }: { escalationId: string; version: number }) {
  const t = useTranslations("leaderQueue");
  const router = useRouter();
  const [advising, setAdvising] = useState(false);
  const [advice, setAdvice] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function decide(decision: "forward" | "sendBack") {
    setPending(true);
    setError(null);
    const result =
      decision === "forward"
        ? await routeEscalation({ escalationId, version, decision })
        : await routeEscalation({ escalationId, version, decision, advice });
    setPending(false);
    if (result.ok) router.refresh();
    else setError(Object.values(result.fieldErrors ?? {})[0]?.[0] ?? result.error);
  }

  return (
    <div className="space-y-2">
      {advising ? (
        <div className="space-y-2">
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{t("advice")}</span>
            <textarea
              value={advice}
              onChange={(e) => setAdvice(e.target.value)}
              rows={2}
              maxLength={500}
              className="w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
            />
          </label>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => decide("sendBack")}>
              {t("sendBack")}
            </Button>
            <Button variant="ghost" onClick={() => setAdvising(false)}>
              {t("cancel")}
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => decide("forward")} data-testid="forward-escalation">
            {t("forward")}
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setAdvising(true)}>
            {t("adviseBack")}
          </Button>
        </div>
      )}
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
