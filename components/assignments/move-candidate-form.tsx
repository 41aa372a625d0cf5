"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { moveCandidate } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";

/**
 * Moves one candidate to another caller of the group. The version the page was rendered with goes
 * along: if someone moved or worked on the candidate since, the move is refused, the page is
 * refreshed to show who has them now, and the leader decides again.
 */
export function MoveCandidateForm({
  candidateId,
  examNo,
  version,
  creditName,
  targets,
}: {
  candidateId: string;
  examNo: string;
  version: number;
  /** who the admitted candidate counts for (README "Fair attribution"); null before admission */
  creditName: string | null;
  targets: { id: string; name: string; load: number }[];
}) {
  const t = useTranslations("assignments");
  const [toCallerId, setToCallerId] = useState("");
  const [reason, setReason] = useState("");
  const [moved, setMoved] = useState<React.ReactNode>(null);
  // either way the row must show who has the candidate now, with their current version; the form
  // waits for it: a move sent before it arrives would carry the old version
  const { run, refuse, pending, error } = useActionRunner({ refresh: "always" });

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setMoved(null);
    if (!toCallerId) {
      refuse(t("chooseCaller"));
      return;
    }
    if (creditName !== null && !reason.trim()) {
      refuse(t("reasonRequired"));
      return;
    }
    const result = await run(() =>
      moveCandidate({ candidateId, toCallerId, version, ...(creditName !== null ? { reason } : {}) }),
    );
    if (result.ok) {
      setReason("");
      setMoved(withData((v) => t("moved", v), { name: targets.find((c) => c.id === toCallerId)?.name ?? "" }));
      setToCallerId("");
    } else if (result.code === "STALE") {
      refuse(t("stale"));
    }
  }

  if (targets.length === 0) return <span className="text-slate-500">{t("noTargets")}</span>;
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1 md:items-start" noValidate>
      <div className="flex gap-2">
        <Select
          aria-label={t("moveTo", { examNo })}
          value={toCallerId}
          onChange={(e) => setToCallerId(e.target.value)}
          className="max-w-40"
          disabled={pending}
        >
          <option value="">{t("choose")}</option>
          {targets.map((c) => (
            <option key={c.id} value={c.id} lang="zh">
              {t("target", { name: c.name, load: c.load })}
            </option>
          ))}
        </Select>
        <Button type="submit" variant="secondary" disabled={pending} className="px-3">
          {t("move")}
        </Button>
      </div>
      {creditName !== null ? (
        <div className="flex w-full max-w-64 flex-col gap-1 text-right text-xs text-slate-600 md:text-left">
          <span id={`credit-${candidateId}`}>{withData((v) => t("creditStays", v), { name: creditName })}</span>
          <Input
            aria-label={t("reasonFor", { examNo })}
            aria-describedby={`credit-${candidateId}`}
            placeholder={t("reasonPlaceholder")}
            value={reason}
            maxLength={200}
            onChange={(e) => setReason(e.target.value)}
            disabled={pending}
          />
        </div>
      ) : null}
      <span
        aria-live="polite"
        data-testid="move-message"
        className={`max-w-64 text-xs ${error ? "text-rose-700" : "text-emerald-700"}`}
      >
        {error ?? moved}
      </span>
    </form>
  );
}
