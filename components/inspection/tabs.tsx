import { getTranslations } from "next-intl/server";
import { PillTabs } from "@/components/ui/pill-tabs";

const TABS = [
  { key: "week", href: "/inspection" },
  { key: "findings", href: "/inspection/findings" },
  { key: "staff", href: "/inspection/staff" },
] as const;

/** The inspection area's three pages, as tabs under the page title. */
export async function InspectionTabs({ active }: { active: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("inspection.tabs");
  return <PillTabs label={t("week")} active={active} items={TABS.map((tab) => ({ ...tab, label: t(tab.key) }))} />;
}
