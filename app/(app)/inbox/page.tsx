import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NoCampaign } from "@/components/campaign/no-campaign";
import { MarkAllReadButton } from "@/components/inbox/notice-buttons";
import { NoticeItem } from "@/components/inbox/notice-item";
import { EmptyState, PageHeader } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { campaignView } from "@/lib/campaign/queries";
import { inboxPage } from "@/lib/inbox/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("inbox"))("title") };
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requirePermission("inbox.view");
  const t = await getTranslations("inbox");
  const view = await campaignView();
  if (!view.shown) return <NoCampaign />;
  const requested = Number((await searchParams).page ?? "1");
  const drawnAt = new Date();
  const inbox = await inboxPage(user.id, view.shown.id, Number.isFinite(requested) ? requested : 1);
  const pageLink = (page: number, label: string, rel: "prev" | "next") => (
    <Link
      href={page === 1 ? "/inbox" : { pathname: "/inbox", query: { page } }}
      rel={rel}
      className="inline-flex min-h-9 items-center rounded-lg border border-slate-300 bg-white px-3 text-sm"
    >
      {label}
    </Link>
  );

  return (
    <>
      <PageHeader title={t("title")} subtitle={t("subtitle")}>
        <div className="flex items-center gap-3">
          <span className="text-sm text-slate-600" data-testid="inbox-unread">
            {inbox.unread > 0 ? t("unreadSummary", { count: inbox.unread }) : t("allRead")}
          </span>
          {inbox.unread > 0 ? <MarkAllReadButton asOf={drawnAt.toISOString()} /> : null}
        </div>
      </PageHeader>
      {inbox.notices.length === 0 ? (
        <EmptyState>{t("empty")}</EmptyState>
      ) : (
        <ul className="space-y-3" data-testid="inbox-list">
          {inbox.notices.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} />
          ))}
        </ul>
      )}
      {inbox.pages > 1 ? (
        <nav className="mt-4 flex flex-wrap items-center justify-between gap-2" aria-label={t("title")}>
          {inbox.page > 1 ? pageLink(inbox.page - 1, t("previous"), "prev") : <span />}
          <span className="text-sm text-slate-500 tabular-nums">
            {t("page", { page: inbox.page, pages: inbox.pages })}
          </span>
          {inbox.page < inbox.pages ? pageLink(inbox.page + 1, t("next"), "next") : <span />}
        </nav>
      ) : null}
    </>
  );
}
