import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/ui/card";

export default async function NoRolePage() {
  const t = await getTranslations("noRole");
  return <PageHeader title={t("title")} subtitle={t("body")} />;
}
