import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { type PhaseWindowLike, phaseCalendar } from "@/lib/workflow";

const STATE_LOOK = {
  open: "bg-brand-600 text-white ring-brand-600",
  upcoming: "bg-white text-slate-700 ring-slate-200",
  closed: "bg-slate-50 text-slate-400 ring-slate-200",
} as const;

/**
 * 阶段日历, the same on every role's home: the four windows (PhaseWindow) with their days, today's phase and
 * the days left in it, and what the plan (回访各阶段工作任务分解) expects in it. In phase 1 it leads to the
 * consultations page, where everyone logs the inbound questions they answer.
 */
export async function PhaseCalendar({ windows, now }: { windows: readonly PhaseWindowLike[]; now: Date }) {
  const t = await getTranslations("phaseCalendar");
  const tPhase = await getTranslations("phases");
  const format = await getFormatter();
  const calendar = phaseCalendar(windows, now);
  const name = (phase: number) => tPhase(String(phase) as "1");
  const day = (d: Date) => format.dateTime(d, { month: "numeric", day: "numeric" });
  const focus = calendar.today ?? calendar.next?.phase ?? null;
  return (
    <Card title={t("title")} className="mb-4">
      <div data-testid="phase-calendar">
        <p className="text-sm font-medium" data-testid="phase-calendar-today">
          {calendar.today ? (
            <>
              {t("today", { phase: calendar.today, name: name(calendar.today) })}
              <span className="ml-2 text-brand-700">{t("daysLeft", { days: calendar.daysLeft ?? 0 })}</span>
            </>
          ) : calendar.next ? (
            t("next", { phase: calendar.next.phase, name: name(calendar.next.phase), days: calendar.next.daysUntil })
          ) : calendar.windows.length > 0 ? (
            t("over")
          ) : (
            t("between")
          )}
        </p>
        {focus ? <p className="mt-1 text-sm text-slate-600">{t(`expects.${focus}` as "expects.1")}</p> : null}
        <ol className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-4">
          {calendar.windows.map((w) => (
            <li
              key={w.phase}
              aria-current={w.state === "open" ? "step" : undefined}
              className={`rounded-lg px-3 py-2 text-sm ring-1 ${STATE_LOOK[w.state]}`}
              data-testid={`phase-window-${w.phase}`}
            >
              <div className="font-medium">{name(w.phase)}</div>
              {/* closesAt is the instant after the window's last moment */}
              <div className="tabular-nums text-xs">
                {t("window", { from: day(w.opensAt), to: day(new Date(+w.closesAt - 1)) })}
              </div>
              <div className="text-xs">{tPhase(`state.${w.state}`)}</div>
            </li>
          ))}
        </ol>
        {calendar.today === 1 ? (
          <Link
            href="/consultations"
            className="mt-3 inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-4 text-sm font-medium text-white"
            data-testid="phase-calendar-consult"
          >
            {t("consult")}
          </Link>
        ) : null}
      </div>
    </Card>
  );
}
