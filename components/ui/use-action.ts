"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useTransition } from "react";
import { type ActionResult, firstError } from "@/lib/action/result";

/**
 * When the page is refreshed after an action: on success (the default), always (a refusal can mean
 * the row changed under the form, so it must be shown as it is now), or never (the caller navigates).
 */
type RefreshWhen = "success" | "always" | "never";

/**
 * The one way a client component runs a server action: pending state, the refusal's sentence for
 * the form, its field errors by name, focus on the first refused field once React has marked it
 * `aria-invalid`, and a `router.refresh()` inside a transition, so `pending` stays true until the
 * fresh server data has arrived and a second submit cannot carry what the first one changed.
 * Attach `formRef` to the form whose fields should receive the focus.
 */
export function useActionRunner({ refresh = "success" }: { refresh?: RefreshWhen } = {}) {
  const router = useRouter();
  const unreachable = useTranslations("actionErrors");
  const formRef = useRef<HTMLFormElement>(null);
  const [running, setRunning] = useState(false);
  const [refreshing, startRefresh] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [refusals, setRefusals] = useState(0);

  useEffect(() => {
    if (refusals === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  /**
   * Runs one action. `refreshAfter` overrides the hook's `refresh` for this call, as a rule of its result
   * when only the answer tells (an edit that ended the user's own session must not refresh into the login).
   */
  async function run<T>(
    call: () => Promise<ActionResult<T>>,
    refreshAfter: RefreshWhen | ((result: ActionResult<T>) => boolean) = refresh,
  ): Promise<ActionResult<T>> {
    setRunning(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await call().catch(
        // the server could not be reached, or answered nothing an action returns: the same refusal
        // shape, so every form shows a sentence and gives its controls back
        (): ActionResult<T> => ({ ok: false, code: "UNAVAILABLE", error: unreachable("UNAVAILABLE") }),
      );
      if (!result.ok) {
        setError(firstError(result));
        setFieldErrors(result.fieldErrors ?? {});
        setRefusals((n) => n + 1);
      }
      const refreshNow =
        typeof refreshAfter === "function"
          ? refreshAfter(result)
          : refreshAfter === "always" || (refreshAfter === "success" && result.ok);
      if (refreshNow) startRefresh(() => router.refresh());
      return result;
    } finally {
      setRunning(false);
    }
  }

  /** Shows a refusal found before the action was sent (a choice still missing), the same way. */
  function refuse(message: string, fields: Record<string, string[]> = {}) {
    setError(message);
    setFieldErrors(fields);
    setRefusals((n) => n + 1);
  }

  return { run, refuse, pending: running || refreshing, error, fieldErrors, formRef };
}
