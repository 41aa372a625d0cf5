"use client";

import { useTranslations } from "next-intl";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { ActionButton } from "@/components/ui/action-button";

export function ToggleActiveButton({ userId, login, active }: { userId: string; login: string; active: boolean }) {
  const t = useTranslations("staff");
  return (
    <ActionButton action={() => setUserActive({ userId, active: String(!active) })} testId={`toggle-active-${login}`}>
      {active ? t("disable") : t("enable")}
    </ActionButton>
  );
}
