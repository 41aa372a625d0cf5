"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { markAllNoticesRead, markNoticeRead } from "@/app/(app)/inbox/actions";
import { ActionButton } from "@/components/ui/action-button";

export function MarkReadButton({ noticeId }: { noticeId: string }) {
  const t = useTranslations("inbox");
  return (
    <ActionButton action={() => markNoticeRead({ noticeId })} testId={`mark-read-${noticeId}`}>
      {t("markRead")}
    </ActionButton>
  );
}

/** `asOf`: when the page was drawn (ISO), so a notice that arrived since is not marked unseen. */
export function MarkAllReadButton({ asOf }: { asOf: string }) {
  const t = useTranslations("inbox");
  return (
    <ActionButton action={() => markAllNoticesRead({ asOf })} testId="mark-all-read">
      {t("markAllRead")}
    </ActionButton>
  );
}

/**
 * The notice's link to where the reader acts on it. Following it marks an unread notice read: the reader
 * has seen it. The mark is sent alongside the navigation, not before it, so a slow answer never holds the
 * reader on the inbox; a failed mark leaves the notice unread, which is what they can see and retry.
 */
export function OpenNoticeLink({ noticeId, href, unread }: { noticeId: string; href: string; unread: boolean }) {
  const t = useTranslations("inbox");
  return (
    <Link
      href={href}
      onClick={() => {
        if (unread) void markNoticeRead({ noticeId });
      }}
      className="inline-flex min-h-9 items-center rounded-lg bg-brand-600 px-3 text-sm font-medium text-white hover:bg-brand-700"
      data-testid={`open-notice-${noticeId}`}
    >
      {t("open")}
    </Link>
  );
}
