import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { Marked, markData, Zh } from "@/components/ui/user-data";
import { textRenderer } from "@/lib/i18n/server";
import type { NoticeRow } from "@/lib/inbox/queries";
import { describeNotice } from "@/lib/inbox/render";
import { MarkReadButton, OpenNoticeLink } from "./notice-buttons";

/**
 * One notice: what changed (the amount or percent first), the words its author entered, when, and the
 * link to act on it. `compact` is the home page's panel: no buttons but the link.
 */
export async function NoticeItem({ notice, compact = false }: { notice: NoticeRow; compact?: boolean }) {
  const [t, format, render] = await Promise.all([getTranslations("inbox"), getFormatter(), textRenderer()]);
  const view = describeNotice(notice.kind, notice.params, markData);
  const unread = notice.readAt === null;
  return (
    <li
      className={`rounded-xl border p-3 ${unread ? "border-slate-200 border-l-4 border-l-brand-600 bg-brand-50/40" : "border-slate-200 bg-white"}`}
      data-testid="notice"
      data-kind={notice.kind}
      data-unread={unread ? "true" : "false"}
    >
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-semibold leading-6">
          {unread ? (
            <span className="mr-1 align-middle">
              <Badge tone="info">{t("unread")}</Badge>
            </span>
          ) : null}
          <Marked sentence={render(view.title)} />
        </h3>
        <time className="shrink-0 text-xs text-slate-500 tabular-nums" dateTime={notice.createdAt.toISOString()}>
          {format.dateTime(notice.createdAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })}
        </time>
      </div>
      {view.lines.length > 0 ? (
        <ul className="mt-1 space-y-0.5 text-sm text-slate-700">
          {view.lines.map((line) => (
            <li key={line.key}>
              <Marked sentence={render(line)} />
            </li>
          ))}
        </ul>
      ) : null}
      {view.quote ? (
        <div className="mt-2 rounded-lg bg-slate-50 px-3 py-2 text-sm">
          <div className="text-xs text-slate-500">{render(view.quote.label)}</div>
          <p className={`whitespace-pre-line break-words text-slate-800 ${compact ? "line-clamp-2" : ""}`}>
            <Zh>{view.quote.words}</Zh>
          </p>
        </div>
      ) : null}
      {notice.href || (!compact && unread) ? (
        <div className="mt-2 flex flex-wrap items-start gap-2">
          {notice.href ? <OpenNoticeLink noticeId={notice.id} href={notice.href} unread={unread} /> : null}
          {!compact && unread ? <MarkReadButton noticeId={notice.id} /> : null}
        </div>
      ) : null}
    </li>
  );
}
