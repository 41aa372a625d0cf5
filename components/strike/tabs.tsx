import { getTranslations } from "next-intl/server";
import { PillTabs } from "@/components/ui/pill-tabs";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

const TABS = [
  { key: "queue", href: "/strike" },
  { key: "board", href: "/strike/board" },
] as const;

/**
 * The strike team's two pages: the queue and the 零失联 board; and for the callback lead, who picks the
 * team, its members (突击组成员), which is all a lead who is not on the team sees.
 */
export async function StrikeTabs({ active }: { active: (typeof TABS)[number]["key"] | "team" }) {
  const t = await getTranslations();
  const roles = (await getSessionUser())?.roles ?? [];
  const items = [
    ...(can(roles, "strike.view") ? TABS.map((tab) => ({ ...tab, label: t(`strike.tabs.${tab.key}`) })) : []),
    ...(can(roles, "team.strike.manage")
      ? [{ key: "team", href: "/strike/team", label: t("teams.sections.strike") }]
      : []),
  ];
  return <PillTabs label={t("strike.tabs.queue")} active={active} items={items} />;
}
