"use client";

import { useTranslations } from "next-intl";
import { setCurrentCampaign } from "@/app/(app)/admin/campaigns/actions";
import { ActionButton } from "@/components/ui/action-button";

/** 设为当前, after a confirmation that names the campaign: every working page switches at once. */
export function MakeCurrentButton({ campaignId, name }: { campaignId: string; name: string }) {
  const t = useTranslations("campaigns");
  return (
    <ActionButton
      action={() => setCurrentCampaign({ campaignId })}
      confirm={t("makeCurrentConfirm", { name })}
      testId={`make-current-${campaignId}`}
    >
      {t("makeCurrent")}
    </ActionButton>
  );
}
