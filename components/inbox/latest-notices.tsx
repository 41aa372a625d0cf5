import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth/session";
import { campaignView } from "@/lib/campaign/queries";
import { latestNotices, unreadCount } from "@/lib/inbox/queries";
import { NoticeItem } from "./notice-item";

/** 最新消息: the reader's few newest notices on their home page, with the way to the whole inbox. */
export async function LatestNotices() {
  const [user, view, t] = await Promise.all([requireUser(), campaignView(), getTranslations("inbox")]);
  if (!view.shown) return null;
  const [notices, unread] = await Promise.all([
    latestNotices(user.id, view.shown.id),
    unreadCount(user.id, view.shown.id),
  ]);
  return (
    <Card
      title={t("latest.title")}
      className="my-4"
      action={
        <Link href="/inbox" className="text-sm text-brand-700 underline" data-testid="latest-notices-all">
          {unread > 0 ? t("latest.allWithUnread", { count: unread }) : t("latest.all")}
        </Link>
      }
    >
      {notices.length === 0 ? (
        <p className="text-sm text-slate-500">{t("latest.empty")}</p>
      ) : (
        <ul className="space-y-2" data-testid="latest-notices">
          {notices.map((notice) => (
            <NoticeItem key={notice.id} notice={notice} compact />
          ))}
        </ul>
      )}
    </Card>
  );
}
