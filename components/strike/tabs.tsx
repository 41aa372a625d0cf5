import Link from "next/link";
import { getTranslations } from "next-intl/server";

const TABS = [
  { key: "queue", href: "/strike" },
  { key: "board", href: "/strike/board" },
] as const;

/** The strike team's two pages: the queue and the 零失联 board. */
export async function StrikeTabs({ active }: { active: (typeof TABS)[number]["key"] }) {
  const t = await getTranslations("strike.tabs");
  return (
    <nav className="mb-4 flex gap-2 overflow-x-auto" aria-label={t("queue")}>
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
