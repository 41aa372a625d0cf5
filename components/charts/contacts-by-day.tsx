"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { DayContacts } from "@/lib/dashboard/queries";
import { CHANNELS } from "@/lib/workflow/phases";

const COLORS: Record<(typeof CHANNELS)[number], string> = {
  PHONE: "#1f5fbf",
  WECHAT: "#16a34a",
  SMS: "#f59e0b",
  QQ: "#8b5cf6",
  OTHER: "#94a3b8",
};

/** "2024-07-15" -> "7/15" */
export function shortDay(day: string): string {
  return `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`;
}

/** Contacts per day, stacked by channel. */
export function ContactsByDayChart({ days }: { days: DayContacts[] }) {
  const t = useTranslations();
  return (
    <div className="h-64 w-full" data-testid="chart-contacts">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="day" tickFormatter={shortDay} fontSize={11} minTickGap={12} />
          <YAxis allowDecimals={false} fontSize={11} />
          <Tooltip labelFormatter={(day) => shortDay(String(day))} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {CHANNELS.map((channel) => (
            <Bar key={channel} dataKey={channel} name={t(`channel.${channel}`)} stackId="c" fill={COLORS[channel]} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
