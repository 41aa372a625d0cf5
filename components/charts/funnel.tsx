"use client";

import { useTranslations } from "next-intl";
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Funnel } from "@/lib/dashboard/queries";

const STEPS = ["submitted", "firstChoice", "admitted", "paid", "enrolled"] as const;

/** 投档 → first choice → 录取 → 缴费 → 报到, as horizontal bars. */
export function FunnelChart({ funnel }: { funnel: Funnel }) {
  const t = useTranslations("charts");
  const data = STEPS.map((step) => ({ step: t(`funnelSteps.${step}`), count: funnel[step] }));
  return (
    <div className="h-64 w-full" data-testid="chart-funnel">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 40, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="step" width={64} fontSize={12} />
          <Tooltip />
          <Bar dataKey="count" name={t("people")} fill="#1f5fbf">
            <LabelList dataKey="count" position="right" fontSize={11} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
