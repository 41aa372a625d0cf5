"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ActionResult, firstError } from "@/lib/action/result";
import { Button } from "./button";

/**
 * A reviewer's two answers: go ahead in one tap, or send back with a written reason. Used wherever a
 * leader or the data team decides on someone else's request; the server action says what each means.
 */
export function TwoWayDecision({
  labels,
  onAccept,
  onSendBack,
  acceptTestId,
}: {
  labels: { accept: string; sendBackWithReason: string; reason: string; sendBack: string; cancel: string };
  onAccept: () => Promise<ActionResult<unknown>>;
  onSendBack: (reason: string) => Promise<ActionResult<unknown>>;
  acceptTestId?: string;
}) {
  const router = useRouter();
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function decide(run: () => Promise<ActionResult<unknown>>) {
    setPending(true);
    setError(null);
    const result = await run();
    setPending(false);
    if (result.ok) router.refresh();
    else setError(firstError(result));
  }

  return (
    <div className="space-y-2">
      {writing ? (
        <>
          <label className="block text-sm">
            <span className="mb-1 block font-medium">{labels.reason}</span>
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              rows={2}
              maxLength={500}
              className="w-full rounded-lg border border-slate-300 px-3 py-2 text-base"
            />
          </label>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => decide(() => onSendBack(reason))}>
              {labels.sendBack}
            </Button>
            <Button variant="ghost" onClick={() => setWriting(false)}>
              {labels.cancel}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => decide(onAccept)} data-testid={acceptTestId}>
            {labels.accept}
          </Button>
          <Button variant="secondary" disabled={pending} onClick={() => setWriting(true)}>
            {labels.sendBackWithReason}
          </Button>
        </div>
      )}
      <p aria-live="polite" className="text-sm text-rose-700">
        {error}
      </p>
    </div>
  );
}
