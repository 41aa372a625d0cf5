"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { releaseEscalation } from "@/app/(app)/strike/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

/** Puts a claimed case back in the queue for another member, after a confirmation. */
export function ReleaseButton({ escalationId, examNo }: { escalationId: string; examNo: string }) {
  const t = useTranslations("strike.release");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col gap-1">
      <Button
        variant="secondary"
        disabled={pending}
        data-testid={`release-${examNo}`}
        onClick={() => {
          if (!window.confirm(t("confirm"))) return;
          startTransition(async () => {
            const result = await releaseEscalation({ escalationId });
            if (result.ok) {
              setError(null);
              router.refresh();
            } else {
              setError(firstError(result));
            }
          });
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
