"use client";

import { useTranslations } from "next-intl";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { DayRate } from "@/lib/dashboard/queries";
import { DAY_AXIS, DAY_CHART_MARGIN, DailyChartBox, dayLabel } from "./daily-chart";

/** The group's enrollment rate day by day, against the basic (93%) and target (95%) lines. */
export function RateOverTimeChart({ days, basic, target }: { days: DayRate[]; basic: number; target: number }) {
  const t = useTranslations("charts");
  const data = days.map((d) => ({ day: d.day, rate: d.ratePermille / 10 }));
  const lowest = Math.min(basic / 10 - 2, ...data.map((d) => d.rate));
  // round ticks (0, 20, 40 … or 85, 90, 95 …) whatever the lowest rate, so the axis reads at a glance
  const step = lowest >= 80 ? 5 : lowest >= 50 ? 10 : 20;
  const floor = Math.max(0, Math.floor(lowest / step) * step);
  const ticks = Array.from({ length: Math.floor((100 - floor) / step) + 1 }, (_, i) => floor + i * step);
  return (
    <DailyChartBox testId="chart-rate">
      <LineChart data={data} margin={DAY_CHART_MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis {...DAY_AXIS} />
        <YAxis domain={[floor, 100]} ticks={ticks} unit="%" fontSize={11} />
        <Tooltip labelFormatter={dayLabel} formatter={(v) => [`${v}%`, t("rate")]} />
        <ReferenceLine
          y={basic / 10}
          stroke="#f59e0b"
          strokeDasharray="4 4"
          label={{ value: t("basicLine", { rate: `${basic / 10}%` }), position: "insideBottomLeft", fontSize: 11 }}
        />
        <ReferenceLine
          y={target / 10}
          stroke="#16a34a"
          strokeDasharray="4 4"
          label={{ value: t("targetLine", { rate: `${target / 10}%` }), position: "insideTopRight", fontSize: 11 }}
        />
        <Line type="monotone" dataKey="rate" name={t("rate")} stroke="#1f5fbf" strokeWidth={2} dot={false} />
      </LineChart>
    </DailyChartBox>
  );
}
