import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { WeeklyStatus } from "@/lib/weekly/deadline";

const TONES = { open: "default", submitted: "good", late: "warn", overdue: "bad" } as const;

/** A week's summary status: 待提交 / 已提交 / 迟交 / 逾期未交. */
export async function WeeklyBadge({ status }: { status: WeeklyStatus }) {
  const t = await getTranslations("dashboard.weeklyStatus");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
