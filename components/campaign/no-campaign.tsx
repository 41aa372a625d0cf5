import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/card";

export async function NoCampaign() {
  const t = await getTranslations("common");
  return <EmptyState>{t("noCampaign")}</EmptyState>;
}
