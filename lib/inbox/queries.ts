import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

/** Notices on one page of the inbox. */
export const INBOX_PAGE_SIZE = 20;

const NOTICE_FIELDS = { id: true, kind: true, params: true, href: true, readAt: true, createdAt: true } as const;

/**
 * The reader's unread notices in a campaign: one count on the (userId, readAt) index, run once per request
 * however many places show it (the navigation and the home page's panel).
 */
export const unreadCount = cache(
  (userId: string, campaignId: string): Promise<number> =>
    db().notice.count({ where: { userId, campaignId, readAt: null } }),
);

/** One page of the reader's notices, newest first; a page past the end shows the last one. */
export async function inboxPage(userId: string, campaignId: string, requestedPage: number) {
  const where = { userId, campaignId };
  const [total, unread] = await Promise.all([db().notice.count({ where }), unreadCount(userId, campaignId)]);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const notices = await db().notice.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: NOTICE_FIELDS,
  });
  return { notices, total, unread, page, pages };
}

/** The few newest notices for a home page's panel. */
export function latestNotices(userId: string, campaignId: string, take = 3) {
  return db().notice.findMany({
    where: { userId, campaignId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: NOTICE_FIELDS,
  });
}

export type NoticeRow = Awaited<ReturnType<typeof latestNotices>>[number];
