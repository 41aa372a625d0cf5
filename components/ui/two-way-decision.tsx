"use client";

import { useState } from "react";
import type { ActionResult } from "@/lib/action/result";
import { Button } from "./button";
import { Field, TextArea } from "./field";
import { useActionRunner } from "./use-action";

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
  const [writing, setWriting] = useState(false);
  const [reason, setReason] = useState("");
  const { run, pending, error, fieldErrors } = useActionRunner();

  return (
    <div className="space-y-2">
      {writing ? (
        <>
          <Field label={labels.reason} errors={fieldErrors.reason}>
            {(control) => (
              <TextArea
                {...control}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={2}
                maxLength={500}
                className="w-full"
              />
            )}
          </Field>
          <div className="flex gap-2">
            <Button disabled={pending} onClick={() => run(() => onSendBack(reason))}>
              {labels.sendBack}
            </Button>
            <Button variant="ghost" onClick={() => setWriting(false)}>
              {labels.cancel}
            </Button>
          </div>
        </>
      ) : (
        <div className="flex flex-wrap gap-2">
          <Button disabled={pending} onClick={() => run(onAccept)} data-testid={acceptTestId}>
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
