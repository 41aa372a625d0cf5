"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/action/result";
import { Button } from "./button";
import { WordsField } from "./field";
import { useActionRunner } from "./use-action";

/**
 * A reviewer's two answers: go ahead in one tap, or send back with a written reason. Used wherever a
 * leader, the data team or the inspector decides on someone else's request; the server action says
 * what each means. An answer already given can be left out (`offer`), and `reasonField` names the
 * action's field for the reason so its refusal shows below the text area.
 */
export function TwoWayDecision({
  labels,
  onAccept,
  onSendBack,
  offer = { accept: true, sendBack: true },
  reasonField = "reason",
  reasonMaxLength = 500,
  align = "start",
  testIds = {},
}: {
  labels: { accept: string; sendBackWithReason: string; reason: string; sendBack: string; cancel: string };
  onAccept: () => Promise<ActionResult<unknown>>;
  onSendBack: (reason: string) => Promise<ActionResult<unknown>>;
  offer?: { accept: boolean; sendBack: boolean };
  reasonField?: string;
  reasonMaxLength?: number;
  align?: "start" | "end";
  testIds?: { accept?: string; sendBackWithReason?: string; reason?: string; sendBack?: string };
}) {
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState("");
  const { run, pending, error, fieldErrors } = useActionRunner();

  async function decide(call: () => Promise<ActionResult<unknown>>) {
    if ((await run(call)).ok) {
      setWriting(false);
      setReason("");
    }
  }

  return (
    <div className="space-y-2 text-left">
      {writing ? (
        <>
          <WordsField
            label={labels.reason}
            errors={fieldErrors[reasonField]}
            value={reason}
            onChange={setReason}
            rows={2}
            maxLength={reasonMaxLength}
            textAreaClassName="w-full min-w-48"
            testId={testIds.reason}
          />
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => decide(() => onSendBack(reason))} data-testid={testIds.sendBack}>
              {labels.sendBack}
            </Button>
            <Button variant="ghost" onClick={() => setWriting(false)}>
              {labels.cancel}
            </Button>
          </div>
        </>
      ) : (
        <div className={`flex flex-wrap gap-2 ${align === "end" ? "justify-end" : ""}`}>
          {offer.accept ? (
            <Button disabled={pending} onClick={() => decide(onAccept)} data-testid={testIds.accept}>
              {labels.accept}
            </Button>
          ) : null}
          {offer.sendBack ? (
            <Button
              variant="secondary"
              disabled={pending}
              onClick={() => setWriting(true)}
              // it opens the reason's field in place of the buttons
              aria-expanded={false}
              data-testid={testIds.sendBackWithReason}
            >
              {labels.sendBackWithReason}
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
