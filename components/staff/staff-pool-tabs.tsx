import { getTranslations } from "next-intl/server";
import { PillTabs } from "@/components/ui/pill-tabs";

/** The staff pool's two pages as tabs; the overtime import only for those who enter overtime. */
export async function StaffPoolTabs({ active, overtime }: { active: "people" | "overtime"; overtime: boolean }) {
  const t = await getTranslations("training");
  if (!overtime) return null;
  const items = [
    { key: "people", href: "/staff-pool", label: t("tabs.people") },
    { key: "overtime", href: "/staff-pool/overtime", label: t("tabs.overtime") },
  ];
  return <PillTabs label={t("title")} active={active} items={items} />;
}
