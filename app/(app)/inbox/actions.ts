"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { inCampaignInUse } from "@/lib/campaign/current";

// Whether a person has read their own notice is their own state, not a change to the campaign's records:
// readAt itself is the record (when they saw a deduction), so these write no audit row. Both are scoped by
// the reader's id in the where: another person's notice id matches nothing and is answered as not found.

function revalidateInbox() {
  // the count in the navigation is on every page
  revalidatePath("/", "layout");
}

/** Marks one of the reader's notices read; one already read stays as it was. */
export const markNoticeRead = action(
  {
    name: "notice.read",
    permission: "inbox.view",
    schema: z.object({ noticeId: z.string().min(1).max(64) }).strict(),
  },
  async ({ noticeId }, { tx, user, now, unchanged }) => {
    unchanged();
    const where = { id: noticeId, userId: user.id, ...(await inCampaignInUse(tx)) };
    const { count } = await tx.notice.updateMany({ where: { ...where, readAt: null }, data: { readAt: now } });
    if (count === 0 && (await tx.notice.count({ where })) === 0) throw new ActionError("NOT_FOUND");
    revalidateInbox();
    return { read: count };
  },
);

/**
 * Marks every unread notice of the reader in the campaign in use read, up to the moment the page showing
 * them was drawn (`asOf`): a notice that arrived since is one they have not seen, and stays unread.
 */
export const markAllNoticesRead = action(
  {
    name: "notice.readAll",
    permission: "inbox.view",
    schema: z.object({ asOf: z.coerce.date() }).strict(),
  },
  async ({ asOf }, { tx, user, now, unchanged }) => {
    unchanged();
    const { count } = await tx.notice.updateMany({
      where: { userId: user.id, readAt: null, createdAt: { lte: asOf }, ...(await inCampaignInUse(tx)) },
      data: { readAt: now },
    });
    revalidateInbox();
    return { read: count };
  },
);
