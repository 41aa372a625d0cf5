import { getTranslations } from "next-intl/server";
import { PillTabs } from "@/components/ui/pill-tabs";

const TABS = [
  { key: "queue", href: "/strike" },
  { key: "board", href: "/strike/board" },
] as const;

/** The strike team's two pages: the queue and the 零失联 board. */
export async function StrikeTabs({ active }: { active: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("strike.tabs");
  return <PillTabs label={t("queue")} active={active} items={TABS.map((tab) => ({ ...tab, label: t(tab.key) }))} />;
}
