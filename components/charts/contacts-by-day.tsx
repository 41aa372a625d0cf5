"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from "recharts";
import type { DayContacts } from "@/lib/dashboard/queries";
import { CHANNELS } from "@/lib/workflow/phases";
import { DAY_AXIS, DAY_CHART_MARGIN, DailyChartBox, dayLabel } from "./daily-chart";

const COLORS: Record<(typeof CHANNELS)[number], string> = {
  PHONE: "#1f5fbf",
  WECHAT: "#16a34a",
  SMS: "#f59e0b",
  QQ: "#8b5cf6",
  OTHER: "#94a3b8",
};

/** Contacts per day, stacked by channel. */
export function ContactsByDayChart({ days }: { days: DayContacts[] }) {
  const t = useTranslations();
  return (
    <DailyChartBox testId="chart-contacts">
      <BarChart data={days} margin={DAY_CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis {...DAY_AXIS} />
        <YAxis allowDecimals={false} fontSize={11} />
        <Tooltip labelFormatter={dayLabel} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        {CHANNELS.map((channel) => (
          <Bar key={channel} dataKey={channel} name={t(`channel.${channel}`)} stackId="c" fill={COLORS[channel]} />
        ))}
      </BarChart>
    </DailyChartBox>
  );
}
