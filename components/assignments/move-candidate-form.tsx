"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { moveCandidate } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

/**
 * Moves one candidate to another caller of the group. The version the page was rendered with goes
 * along: if someone moved or worked on the candidate since, the move is refused, the page is
 * refreshed to show who has them now, and the leader decides again.
 */
export function MoveCandidateForm({
  candidateId,
  examNo,
  version,
  targets,
}: {
  candidateId: string;
  examNo: string;
  version: number;
  targets: { id: string; name: string; load: number }[];
}) {
  const t = useTranslations("assignments");
  const router = useRouter();
  const [toCallerId, setToCallerId] = useState("");
  const [pending, setPending] = useState(false);
  // the form waits for the refreshed row: a move sent before it arrives would carry the old version
  const [refreshing, startRefresh] = useTransition();
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (!toCallerId) {
      setMessage({ tone: "error", text: t("chooseCaller") });
      return;
    }
    setPending(true);
    const result = await moveCandidate({ candidateId, toCallerId, version });
    setPending(false);
    if (result.ok) {
      setMessage({ tone: "ok", text: t("moved", { name: targets.find((c) => c.id === toCallerId)?.name ?? "" }) });
      setToCallerId("");
    } else {
      setMessage({ tone: "error", text: result.code === "STALE" ? t("stale") : firstError(result) });
    }
    // either way the row must show who has the candidate now, with their current version
    startRefresh(() => router.refresh());
  }

  if (targets.length === 0) return <span className="text-slate-500">{t("noTargets")}</span>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1 md:items-start" noValidate>
      <div className="flex gap-2">
        <select
          aria-label={t("moveTo", { examNo })}
          value={toCallerId}
          onChange={(e) => setToCallerId(e.target.value)}
          className="min-h-11 max-w-40 rounded-lg border border-slate-300 bg-white px-2"
          disabled={pending || refreshing}
        >
          <option value="">{t("choose")}</option>
          {targets.map((c) => (
            <option key={c.id} value={c.id}>
              {t("target", { name: c.name, load: c.load })}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={pending || refreshing} className="px-3">
          {t("move")}
        </Button>
      </div>
      <span
        aria-live="polite"
        data-testid="move-message"
        className={`max-w-64 text-xs ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </span>
    </form>
  );
}
