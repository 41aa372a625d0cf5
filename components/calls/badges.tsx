import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/card";
import type { Stage, TodoReason } from "@/lib/workflow";

const STAGE_TONE: Record<Stage, "default" | "good" | "warn" | "bad" | "info"> = {
  WITHDRAWN: "default",
  WITHDRAWING: "warn",
  DECLINED: "default",
  NOT_FIRST_CHOICE: "warn",
  HESITANT: "warn",
  FIRST_CHOICE: "info",
  NEW: "default",
  AWAITING_ADMISSION: "default",
  WILL_COME: "info",
  COME_HESITANT: "warn",
  WILL_NOT_COME: "bad",
  ADMITTED: "info",
  ENROLLED: "good",
  NOT_ENROLLED: "bad",
};

export function StageBadge({ stage }: { stage: Stage }) {
  const t = useTranslations("stage");
  return <Badge tone={STAGE_TONE[stage]}>{t(stage)}</Badge>;
}

const TODO_TONE: Record<TodoReason, "default" | "warn" | "bad" | "info"> = {
  ESCALATION_RETURNED: "bad",
  NEVER_CONTACTED: "warn",
  FOLLOW_UP_DUE: "warn",
  BELOW_STANDARD: "info",
  ON_TRACK: "default",
};

export function TodoBadge({ reason }: { reason: TodoReason }) {
  const t = useTranslations("todo");
  if (reason === "ON_TRACK") return null;
  return <Badge tone={TODO_TONE[reason]}>{t(reason)}</Badge>;
}
