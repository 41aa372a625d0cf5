import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = [
  { key: "week", href: "/inspection" },
  { key: "findings", href: "/inspection/findings" },
  { key: "staff", href: "/inspection/staff" },
] as const;

/** The inspection area's three pages, as tabs under the page title. */
export async function InspectionTabs({ active }: { active: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("inspection.tabs");
  return (
    <nav className="mb-4 flex gap-2 overflow-x-auto" aria-label={t("week")}>
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === active ? "page" : undefined}
          className={`whitespace-nowrap rounded-full px-4 py-2 text-sm font-medium ${
            tab.key === active
              ? "bg-brand-600 text-white"
              : "bg-white text-slate-700 ring-1 ring-slate-200 hover:bg-slate-50"
          }`}
        >
          {t(tab.key)}
        </Link>
      ))}
    </nav>
  );
}
