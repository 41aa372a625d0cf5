"use client";

import { useTranslations } from "next-intl";
import { viewCampaign } from "@/app/(app)/admin/campaigns/view-actions";
import { Button } from "@/components/ui/button";
import { useActionRunner } from "@/components/ui/use-action";

type Choice = { id: string; name: string; inUse: boolean };

/** The header's choice of campaign for those who may look back: choosing one reloads the page with it. */
export function CampaignSwitcher({ campaigns, shownId }: { campaigns: Choice[]; shownId: string | null }) {
  const t = useTranslations("teams.past");
  const { run, pending, error } = useActionRunner();
  return (
    <label className="flex min-w-0 items-center gap-2 text-xs text-slate-600">
      <span className="whitespace-nowrap">{t("label")}</span>
      <select
        className="min-h-9 min-w-0 max-w-[16rem] truncate rounded-lg border border-slate-300 bg-white px-2 text-sm text-slate-800"
        value={shownId ?? ""}
        disabled={pending}
        data-testid="campaign-switcher"
        onChange={(event) => {
          const campaignId = event.currentTarget.value;
          run(() => viewCampaign({ campaignId }));
        }}
      >
        {campaigns.map((c) => (
          <option key={c.id} value={c.id} lang="zh">
            {c.name}
            {c.inUse ? t("current") : ""}
          </option>
        ))}
      </select>
      <span aria-live="polite" className="text-rose-700">
        {error}
      </span>
    </label>
  );
}

/** 返回当前计划, in the read-only banner. */
export function BackToCurrent() {
  const t = useTranslations("teams.past");
  const { run, pending } = useActionRunner();
  return (
    <Button
      variant="secondary"
      className="min-h-9 px-3"
      disabled={pending}
      data-testid="campaign-back"
      onClick={() => run(() => viewCampaign({ campaignId: "" }))}
    >
      {t("back")}
    </Button>
  );
}
