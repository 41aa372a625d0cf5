"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { Button } from "@/components/ui/button";
import { firstError } from "@/lib/action/result";

export function ToggleActiveButton({ userId, login, active }: { userId: string; login: string; active: boolean }) {
  const t = useTranslations("staff");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        data-testid={`toggle-active-${login}`}
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await setUserActive({ userId, active: String(!active) });
            if (result.ok) {
              setError(null);
              router.refresh();
            } else {
              setError(firstError(result));
            }
          })
        }
      >
        {active ? t("disable") : t("enable")}
      </Button>
      <span aria-live="polite" className="text-xs text-rose-700">
        {error}
      </span>
    </span>
  );
}
