import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action/result";

// Each section saves on its own: its pending state, field errors and message, and the footer with its
// save button, reset and message.

/**
 * State seeded from a server prop that follows the prop when the server sends a different value (after a
 * save elsewhere and 刷新, or the page's own revalidation), compared by content so a re-render with equal
 * values keeps the user's unsaved edits.
 */
export function useServerState<T>(server: T) {
  const [value, setValue] = useState(server);
  const serverKey = JSON.stringify(server);
  const [seen, setSeen] = useState(serverKey);
  if (seen !== serverKey) {
    setSeen(serverKey);
    setValue(server);
  }
  return [value, setValue] as const;
}

export type Message = { tone: "ok" | "bad"; text: string; stale?: boolean } | null;

export function useSave() {
  const t = useTranslations("settings");
  const { run: runAction, pending, fieldErrors, formRef } = useActionRunner();
  const [message, setMessage] = useState<Message>(null);
  async function run(call: () => Promise<ActionResult<{ version: string }>>, onSaved: (version: string) => void) {
    const result = await runAction(call);
    if (result.ok) {
      setMessage({ tone: "ok", text: t("saved") });
      onSaved(result.data.version);
    } else if (result.code === "STALE") setMessage({ tone: "bad", text: t("stale"), stale: true });
    else if (result.code === "INVALID_INPUT") setMessage({ tone: "bad", text: t("failed") });
    else setMessage({ tone: "bad", text: result.error });
  }
  return { pending, errors: fieldErrors, message, setMessage, run, formRef };
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
          <button type="button" className="ml-2 min-h-9 px-1 underline" onClick={() => router.refresh()}>
            {t("refresh")}
          </button>
        ) : null}
      </p>
    </div>
  );
}
