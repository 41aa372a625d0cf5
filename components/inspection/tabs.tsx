import { getTranslations } from "next-intl/server";
import { PillTabs } from "@/components/ui/pill-tabs";
import { can } from "@/lib/auth/permissions";
import { getSessionUser } from "@/lib/auth/session";

const TABS = [
  { key: "week", href: "/inspection" },
  { key: "findings", href: "/inspection/findings" },
  { key: "patrols", href: "/inspection/patrols" },
  { key: "incidents", href: "/inspection/incidents" },
  { key: "staff", href: "/inspection/staff" },
] as const;

/** The inspection area's pages, as tabs under the page title; for its co-leads, the team's members. */
export async function InspectionTabs({ active }: { active: (typeof TABS)[number]["key"] | "team" }) {
  const t = await getTranslations();
  const roles = (await getSessionUser())?.roles ?? [];
  const items = [
    ...TABS.map((tab) => ({ ...tab, label: t(`inspection.tabs.${tab.key}`) })),
    ...(can(roles, "team.inspection.manage")
      ? [{ key: "team", href: "/inspection/team", label: t("teams.sections.inspection") }]
      : []),
  ];
  return <PillTabs label={t("inspection.tabs.week")} active={active} items={items} />;
}
