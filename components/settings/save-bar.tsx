import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/action/result";

// Each section saves on its own: its pending state, field errors and message, and the footer with its
// save button, reset and message.

export type Message = { tone: "ok" | "bad"; text: string; stale?: boolean } | null;

export function useSave() {
  const t = useTranslations("settings");
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  const run = (call: () => Promise<ActionResult<{ version: string }>>, onSaved: (version: string) => void) =>
    startTransition(async () => {
      const result = await call();
      if (result.ok) {
        setErrors({});
        setMessage({ tone: "ok", text: t("saved") });
        onSaved(result.data.version);
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors ?? {});
      if (result.code === "STALE") setMessage({ tone: "bad", text: t("stale"), stale: true });
      else if (result.code === "INVALID_INPUT") setMessage({ tone: "bad", text: t("failed") });
      else setMessage({ tone: "bad", text: result.error });
    });
  // bring the first refused field into view once React has marked it (on a phone it is often a screen
  // above the button); an effect runs after the commit, when aria-invalid is on the page
  useEffect(() => {
    if (Object.keys(errors).length > 0) document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);
  return { pending, errors, message, setMessage, run };
}

export function SaveFooter({
  pending,
  message,
  onReset,
  testId,
}: {
  pending: boolean;
  message: Message;
  onReset?: () => void;
  testId: string;
}) {
  const t = useTranslations("settings");
  const router = useRouter();
  return (
    <div className="mt-4 flex flex-wrap items-center gap-3 border-t border-slate-100 pt-4">
      <Button type="submit" disabled={pending} data-testid={`save-${testId}`}>
        {pending ? t("saving") : t("save")}
      </Button>
      {onReset ? (
        <Button type="button" variant="secondary" onClick={onReset} data-testid={`reset-${testId}`}>
          {t("reset")}
        </Button>
      ) : null}
      <p
        aria-live="polite"
        data-testid={`message-${testId}`}
        className={`text-sm ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
        {message?.stale ? (
          <button type="button" className="ml-2 underline" onClick={() => router.refresh()}>
            {t("refresh")}
          </button>
        ) : null}
      </p>
    </div>
  );
}
