import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";

/** A working page before there is any campaign: says so, and takes an admin to where one is created. */
export async function NoCampaign() {
  const [t, user] = await Promise.all([getTranslations(), requireUser()]);
  return (
    <EmptyState>
      <span className="block">{t("common.noCampaign")}</span>
      {can(user.roles, "campaign.configure") ? (
        <Link
          href="/admin/campaigns"
          className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
          data-testid="create-first-campaign"
        >
          {t("campaigns.new.title")}
        </Link>
      ) : null}
    </EmptyState>
  );
}
