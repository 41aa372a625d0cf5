// The plan's six training modules (四(二)) in its order: pure, for the forms and the server alike.
import type { TrainingTopic } from "@/generated/prisma/enums";

export const TRAINING_TOPICS = [
  "POLICY",
  "CONSULTING",
  "SCRIPTS",
  "RECORDING",
  "TRACKING",
  "MASTERS",
] as const satisfies readonly TrainingTopic[];
