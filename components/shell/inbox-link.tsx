"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";

/**
 * 消息 in the header, with the reader's unread count (counted once per request by the layout). It sits in
 * the header's first row, not among the work-area tabs, so a phone shows it without scrolling the tabs.
 */
export function InboxLink({ unread }: { unread: number }) {
  const t = useTranslations("inbox");
  const pathname = usePathname();
  const active = pathname === "/inbox";
  return (
    <Link
      href="/inbox"
      aria-current={active ? "page" : undefined}
      aria-label={unread > 0 ? `${t("nav")} · ${t("unreadCount", { count: unread })}` : t("nav")}
      className={`inline-flex min-h-9 shrink-0 items-center gap-1 whitespace-nowrap rounded-lg px-2 text-sm font-medium ${
        active ? "bg-brand-50 text-brand-700" : "text-slate-700 hover:bg-slate-100"
      }`}
      data-testid="inbox-link"
    >
      {t("nav")}
      {unread > 0 ? (
        <span
          className="inline-flex min-w-5 items-center justify-center rounded-full bg-rose-600 px-1.5 text-xs font-semibold text-white tabular-nums"
          data-testid="inbox-unread-badge"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}
