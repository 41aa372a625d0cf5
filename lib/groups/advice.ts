// The advice a leader writes when sending a case back to the caller: one rule for every form that takes
// it (an escalation in the queue, a derived 未报到 case).
import { z } from "zod";
import { messageKey } from "@/lib/action/errors";

export const ADVICE_MAX = 500;

export const adviceField = z
  .string()
  .trim()
  .min(1, messageKey("groupErrors.adviceRequired"))
  .max(ADVICE_MAX, messageKey("groupErrors.adviceTooLong"));
