"use client";

import type { ReactNode } from "react";
import type { ActionResult } from "@/lib/action/result";
import { Button } from "./button";
import { useActionRunner } from "./use-action";

/**
 * One tap that runs an action in the table row it sits in, after a confirmation when `confirm` is
 * given; the refusal is read out below the button and the page is refreshed on success.
 */
export function ActionButton({
  action,
  confirm,
  testId,
  children,
}: {
  action: () => Promise<ActionResult<unknown>>;
  confirm?: string;
  testId?: string;
  children: ReactNode;
}) {
  const { run, pending, error } = useActionRunner();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        data-testid={testId}
        disabled={pending}
        onClick={() => {
          if (confirm && !window.confirm(confirm)) return;
          run(action);
        }}
      >
        {children}
      </Button>
      <span aria-live="polite" className="text-xs text-rose-700">
        {error}
      </span>
    </span>
  );
}
