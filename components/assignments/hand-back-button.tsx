"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { handBackForLeave } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

/** A caller going on leave: every candidate of theirs goes to the group's other callers in one step. */
export function HandBackButton({
  callerId,
  callerName,
  count,
  onLeave,
}: {
  callerId: string;
  callerName: string;
  count: number;
  onLeave: boolean;
}) {
  const t = useTranslations("assignments");
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  // rendered again once the caller is on leave, so the outcome stays readable after the refresh
  if (onLeave) return message ? <span className="text-xs text-emerald-700">{message.text}</span> : "—";
  return (
    <span className="inline-flex flex-col items-end gap-1 md:items-start">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("leaveConfirm", { name: callerName, count }))) return;
          setPending(true);
          const result = await handBackForLeave({ callerId });
          setPending(false);
          if (result.ok) {
            setMessage({ tone: "ok", text: t("handedBack", { name: callerName, count: result.data.reassigned }) });
            router.refresh();
          } else {
            setMessage({ tone: "error", text: firstError(result) });
          }
        }}
      >
        {t("leave")}
      </Button>
      <span
        aria-live="polite"
        data-testid="leave-message"
        className={`text-xs ${message?.tone === "ok" ? "text-emerald-700" : "text-rose-700"}`}
      >
        {message?.text}
      </span>
    </span>
  );
}
