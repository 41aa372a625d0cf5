import { getFormatter, getTranslations } from "next-intl/server";
import { Zh } from "@/components/ui/user-data";
import type { CurrentCampaign } from "@/lib/campaign/queries";
import { phaseOpenAt } from "@/lib/workflow";

export async function PhaseBanner({ campaign, now }: { campaign: CurrentCampaign; now: Date }) {
  const t = await getTranslations("phases");
  const format = await getFormatter();
  const phase = phaseOpenAt(campaign.phaseWindows, now);
  const window = campaign.phaseWindows.find((w) => w.phase === phase);
  return (
    <div
      className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-700"
      data-testid="phase-banner"
    >
      <span className="font-medium">
        <Zh>{campaign.name}</Zh>
      </span>
      <span>{phase ? t("current", { phase, name: t(String(phase) as "1") }) : t("none")}</span>
      {window ? (
        <span className="text-brand-600">
          {t("closesOn", { date: format.dateTime(window.closesAt, { month: "long", day: "numeric" }) })}
        </span>
      ) : null}
    </div>
  );
}
