import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/card";
import type { PoolStatus } from "@/generated/prisma/enums";

const TONE = { APPLIED: "warn", APPROVED: "good", REJECTED: "default", REMOVED: "bad" } as const;

/** Where a person stands in the pool, as a badge. */
export async function PoolBadge({ status }: { status: PoolStatus }) {
  const t = await getTranslations("training");
  return <Badge tone={TONE[status]}>{t(`pool.${status}`)}</Badge>;
}
