import { z } from "zod";
import { messageKey } from "@/lib/action/errors";
import { normalisePhone } from "./rules";

/**
 * The admin's two settings of the public check: whether /verify answers, and the admissions office's
 * number that a negative answer tells the family to call (optional; a typed number is checked and kept as
 * typed, 028-12345678 stays readable).
 */
export const verifySettingsSchema = z.strictObject({
  enabled: z.boolean(),
  admissionsPhone: z
    .string()
    .trim()
    .max(24, messageKey("verify.errors.officePhone"))
    .refine((phone) => phone === "" || normalisePhone(phone) !== null, messageKey("verify.errors.officePhone"))
    .transform((phone) => (phone === "" ? null : phone)),
});

export type VerifySettings = z.output<typeof verifySettingsSchema>;
