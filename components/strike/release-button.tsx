"use client";

import { useTranslations } from "next-intl";
import { releaseEscalation } from "@/app/(app)/strike/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

/** Puts a claimed case back in the queue for another member, after a confirmation. */
export function ReleaseButton({ escalationId, examNo }: { escalationId: string; examNo: string }) {
  const t = useTranslations("strike.release");
  const { run, pending, error } = useActionRunner();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        data-testid={`release-${examNo}`}
        onClick={() => {
          if (!window.confirm(t("confirm"))) return;
          run(() => releaseEscalation({ escalationId }));
        }}
      >
        {t("button")}
      </Button>
      <span aria-live="polite" className="text-sm text-rose-700">
        {error}
      </span>
    </span>
  );
}
