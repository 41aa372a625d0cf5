import { getTranslations } from "next-intl/server";
import { withData } from "@/components/ui/user-data";
import { BackToCurrent } from "./campaign-switcher";

/** The banner over every page of a past campaign: which one, read-only, and the way back. */
export async function PastCampaignBanner({ name }: { name: string }) {
  const t = await getTranslations("teams.past");
  return (
    <div
      className="border-b border-amber-300 bg-amber-50 print:hidden"
      role="status"
      data-testid="past-campaign-banner"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2 text-sm text-amber-900">
        <p>{withData((v) => t("banner", v), { name })}</p>
        <BackToCurrent />
      </div>
    </div>
  );
}

/**
 * A past campaign's page with every form switched off at once: a disabled fieldset disables each
 * control inside it, whatever component drew it. Writes are refused on the server anyway.
 */
export function ReadOnly({ children }: { children: React.ReactNode }) {
  return (
    <fieldset disabled className="m-0 min-w-0 border-0 p-0" data-testid="read-only">
      {children}
    </fieldset>
  );
}
