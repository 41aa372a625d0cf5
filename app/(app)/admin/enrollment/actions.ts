"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { decideEnrollment } from "@/lib/enrollment/confirm";

/**
 * The data team confirms one candidate's 报到 by hand (the list does not show it yet, the data team has
 * seen proof), or takes back such a confirmation; the reason is required and kept in the audit row.
 */
export const confirmEnrollment = action(
  {
    name: "enrollment.confirm",
    permission: "enrollment.confirm",
    schema: z
      .object({
        candidateId: z.string().min(1).max(64),
        version: z.coerce.number().int().min(0),
        decision: z.enum(["confirm", "withdraw"]),
        reason: z
          .string({ error: messageKey("recordedEnrollment.errors.reasonRequired") })
          .trim()
          .min(1, messageKey("recordedEnrollment.errors.reasonRequired"))
          .max(500, messageKey("recordedEnrollment.errors.reasonTooLong")),
      })
      .strict(),
  },
  async (input, ctx) => {
    const result = await decideEnrollment(ctx, input);
    revalidatePath("/admin/enrollment");
    revalidatePath("/admin");
    return result;
  },
);
