"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { COLLEGE_ID, collegeNames, collegeOf, collegeSchema, sameNames } from "@/lib/college/college";

/**
 * Sets the college's full and short name (the one row, created by the first save). The admin's, like
 * the campaign's settings (campaign.configure); the audit row holds the names before and after.
 */
export const saveCollege = action(
  { name: "college.rename", permission: "campaign.configure", schema: collegeSchema },
  async (names, { tx, audit, unchanged }) => {
    const stored = await collegeOf(tx);
    if (sameNames(stored, names)) {
      unchanged();
      return { changed: false };
    }
    await tx.college.upsert({ where: { id: COLLEGE_ID }, update: names, create: { id: COLLEGE_ID, ...names } });
    audit({ entityType: "College", entityId: String(COLLEGE_ID), before: collegeNames(stored), after: names });
    // the title of every page and the login page carry it
    revalidatePath("/", "layout");
    return { changed: true };
  },
);
