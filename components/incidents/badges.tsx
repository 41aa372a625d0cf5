import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { IncidentSeverity, IncidentStatus } from "@/generated/prisma/enums";

const SEVERITY_TONE = { GENERAL: "default", SERIOUS: "warn", GRAVE: "bad" } as const;
const STATUS_TONE = { OPEN: "bad", HANDLING: "info", CLOSED: "good" } as const;

export function SeverityBadge({ severity }: { severity: IncidentSeverity }) {
  const t = useTranslations("incidents");
  return <Badge tone={SEVERITY_TONE[severity]}>{t(`severity.${severity}`)}</Badge>;
}

export function StatusBadge({ status }: { status: IncidentStatus }) {
  const t = useTranslations("incidents");
  return <Badge tone={STATUS_TONE[status]}>{t(`status.${status}`)}</Badge>;
}
