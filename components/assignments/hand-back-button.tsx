"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { handBackForLeave } from "@/app/(app)/groups/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";
import { withData } from "@/components/ui/user-data";

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
  const [handedBack, setHandedBack] = useState<React.ReactNode>(null);
  const { run, pending, error } = useActionRunner();
  // rendered again once the caller is on leave, so the outcome stays readable after the refresh; a leave
  // approved ahead of its first day leaves the candidates with the caller until the leader hands them back
  if (onLeave && count === 0) return handedBack ? <span className="text-xs text-emerald-700">{handedBack}</span> : "—";
  return (
    <span className="inline-flex flex-col items-end gap-1 md:items-start">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        disabled={pending}
        onClick={async () => {
          if (!window.confirm(t("leaveConfirm", { name: callerName, count }))) return;
          setHandedBack(null);
          const result = await run(() => handBackForLeave({ callerId }));
          if (result.ok) {
            const reassigned = result.data.reassigned;
            setHandedBack(withData((v) => t("handedBack", { ...v, count: reassigned }), { name: callerName }));
          }
        }}
      >
        {t("leave")}
      </Button>
      <span
        aria-live="polite"
        data-testid="leave-message"
        className={`text-xs ${error ? "text-rose-700" : "text-emerald-700"}`}
      >
        {error ?? handedBack}
      </span>
    </span>
  );
}
