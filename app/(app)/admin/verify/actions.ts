"use server";

import { revalidatePath } from "next/cache";
import { ActionError, action } from "@/lib/action";
import { COLLEGE_ID } from "@/lib/college/college";
import { text } from "@/lib/i18n/text";
import { verifySettingsSchema } from "@/lib/verify/settings";

/**
 * Switches the families' public check (/verify) on or off and sets the admissions office's number. The
 * college's names must be set first: a positive answer names the college.
 */
export const saveVerifySettings = action(
  { name: "verify.configure", permission: "campaign.configure", schema: verifySettingsSchema },
  async ({ enabled, admissionsPhone }, { tx, audit, unchanged }) => {
    const stored = await tx.college.findUnique({
      where: { id: COLLEGE_ID },
      select: { verifyEnabled: true, admissionsPhone: true },
    });
    if (!stored) throw new ActionError("INVALID_INPUT", { enabled: [text("verify.errors.collegeNotSet")] });
    if (stored.verifyEnabled === enabled && stored.admissionsPhone === admissionsPhone) {
      unchanged();
      return { changed: false };
    }
    await tx.college.update({ where: { id: COLLEGE_ID }, data: { verifyEnabled: enabled, admissionsPhone } });
    audit({
      entityType: "College",
      entityId: String(COLLEGE_ID),
      before: stored,
      after: { verifyEnabled: enabled, admissionsPhone },
    });
    revalidatePath("/verify");
    revalidatePath("/calls");
    return { changed: true };
  },
);
