"use client";

import type { ReactElement } from "react";
import { ResponsiveContainer } from "recharts";

/** "2024-07-15" -> "7/15" */
export function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
}

// What the day-by-day charts share. Recharts reads a chart's axes from its direct children, so the
// settings are shared rather than a wrapping axis component.
export const DAY_CHART_MARGIN = { top: 8, right: 8, bottom: 0, left: -16 };
export const DAY_AXIS = { dataKey: "day", tickFormatter: shortDay, fontSize: 11, minTickGap: 12 } as const;
export const dayLabel = (day: unknown) => shortDay(String(day));

/** A chart's box: full width, a phone screen's third high; the chart draws once it has measured it. */
export function DailyChartBox({ testId, children }: { testId: string; children: ReactElement }) {
  return (
    <div className="h-64 w-full" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}
