import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import { withData, Zh } from "@/components/ui/user-data";
import type { StrikeQueueRow } from "@/lib/strike/queries";

/** One escalated candidate as the strike team sees it: why, who raised it, the ledger, how long it waited. */
export async function CaseCard({ row, now, children }: { row: StrikeQueueRow; now: Date; children?: React.ReactNode }) {
  const t = await getTranslations();
  const format = await getFormatter();
  const hours = Math.floor((now.getTime() - row.createdAt.getTime()) / 3_600_000);
  const waited =
    hours >= 24
      ? t("strike.days", { count: Math.floor(hours / 24) })
      : t("strike.hours", { count: Math.max(0, hours) });
  const c = row.candidate;
  return (
    <li
      className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm"
      data-testid={`case-${c.examNo}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="font-semibold">
            <Zh>{c.name}</Zh> <span className="text-sm font-normal text-slate-500 tabular-nums">{c.examNo}</span>
          </h3>
          <p className="text-sm text-slate-600">
            {withData((v) => t("strike.group", v), {
              group: c.group?.name ?? "—",
              caller: c.assignedCaller?.name ?? "—",
            })}
          </p>
        </div>
        <div className="flex flex-wrap gap-1">
          <Badge tone="warn">{t(`escalation.reason.${row.reason}`)}</Badge>
          <Badge tone={hours >= 72 ? "bad" : "default"}>{t("strike.waited", { time: waited })}</Badge>
          {row.assignee ? (
            <Badge tone="info">
              <span>{withData((v) => t("strike.claimedBy", v), { name: row.assignee.name })}</span>
            </Badge>
          ) : null}
        </div>
      </div>
      <p className="text-sm text-slate-600">
        {withData((v) => t("strike.raisedBy", v), { caller: row.fromUser.name })} ·{" "}
        {t("strike.ledger", { contacts: row.ledger.contacts, minutes: Math.floor(row.ledger.seconds / 60) })}
      </p>
      {row.note ? (
        <p className="whitespace-pre-line text-sm text-slate-700" data-testid="case-note">
          {withData((v) => t("strikeTake.note", v), { note: row.note })}
        </p>
      ) : null}
      {c.contactLogs.length === 0 ? (
        <p className="text-sm text-slate-500">{t("strike.noLogs")}</p>
      ) : (
        <ul className="text-sm text-slate-600" aria-label={t("strike.latest")}>
          {c.contactLogs.map((l) => (
            <li key={l.id}>
              {format.dateTime(l.startedAt, { month: "numeric", day: "numeric", hour: "2-digit", minute: "2-digit" })} ·{" "}
              {t(`channel.${l.channel}`)} ·{" "}
              {t.has(`outcome.${l.outcome}`) ? t(`outcome.${l.outcome}` as "outcome.GUIDED") : l.outcome} ·{" "}
              <Zh>{l.caller.name}</Zh>
            </li>
          ))}
        </ul>
      )}
      {children}
    </li>
  );
}
