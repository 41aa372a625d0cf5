"use client";

import { useTranslations } from "next-intl";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

export function ToggleActiveButton({ userId, login, active }: { userId: string; login: string; active: boolean }) {
  const t = useTranslations("staff");
  const { run, pending, error } = useActionRunner();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant="secondary"
        className="min-h-9 px-3"
        data-testid={`toggle-active-${login}`}
        disabled={pending}
        onClick={() => run(() => setUserActive({ userId, active: String(!active) }))}
      >
        {active ? t("disable") : t("enable")}
      </Button>
      <span aria-live="polite" className="text-xs text-rose-700">
        {error}
      </span>
    </span>
  );
}
