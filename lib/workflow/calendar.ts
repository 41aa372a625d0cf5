import { beijingDaysBetween } from "@/lib/time";
import { isPhase, type Phase, type PhaseWindowLike } from "./phases";

export type WindowState = "closed" | "open" | "upcoming";

export interface CalendarWindow {
  phase: Phase;
  opensAt: Date;
  closesAt: Date;
  state: WindowState;
}

/**
 * The phase calendar every home shows (pure; the caller passes `now`): the four windows in order with their
 * state, today's phase, and the Beijing days left in it counting today (1 on its last day). Between windows,
 * the next one and the days until it opens.
 */
export interface PhaseCalendar {
  windows: CalendarWindow[];
  today: Phase | null;
  daysLeft: number | null;
  next: { phase: Phase; daysUntil: number } | null;
}

export function phaseCalendar(windows: readonly PhaseWindowLike[], now: Date): PhaseCalendar {
  const ordered = windows
    .filter((w): w is PhaseWindowLike & { phase: Phase } => isPhase(w.phase))
    .sort((a, b) => a.phase - b.phase)
    .map((w) => ({
      phase: w.phase,
      opensAt: w.opensAt,
      closesAt: w.closesAt,
      state: (now < w.opensAt ? "upcoming" : now < w.closesAt ? "open" : "closed") as WindowState,
    }));
  const open = ordered.find((w) => w.state === "open");
  const upcoming = ordered.filter((w) => w.state === "upcoming").sort((a, b) => +a.opensAt - +b.opensAt)[0];
  return {
    windows: ordered,
    today: open?.phase ?? null,
    // closesAt is the instant after the last moment: its last day is the day of the moment before it
    daysLeft: open ? beijingDaysBetween(now, new Date(+open.closesAt - 1)) + 1 : null,
    next: !open && upcoming ? { phase: upcoming.phase, daysUntil: beijingDaysBetween(now, upcoming.opensAt) } : null,
  };
}
