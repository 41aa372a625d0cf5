// The college running this deployment (one per deployment, not per campaign): its full name heads the
// payout statements and the login page, its short name the browser title. Until an admin sets it there
// is no row, and every reader falls back to what it showed before (the campaign's name, the app's name).
import { z } from "zod";
import { messageKey } from "@/lib/action/errors";
import type { Prisma } from "@/lib/db/client";
import { COLLEGE_NAME, COLLEGE_SHORT_NAME } from "./limits";

/** The form of 学校名称: both names required, trimmed, within their lengths. */
export const collegeSchema = z.strictObject({
  name: z
    .string()
    .trim()
    .min(COLLEGE_NAME.min, messageKey("college.errors.nameTooShort"))
    .max(COLLEGE_NAME.max, messageKey("college.errors.nameTooLong")),
  shortName: z
    .string()
    .trim()
    .min(COLLEGE_SHORT_NAME.min, messageKey("college.errors.shortNameRequired"))
    .max(COLLEGE_SHORT_NAME.max, messageKey("college.errors.shortNameTooLong")),
});

export type CollegeNames = z.output<typeof collegeSchema>;

/** What the app reads of the college: its two names, and when they were last saved. */
export type College = CollegeNames & { updatedAt: Date };

/** The one row's id: the migration's CHECK allows no other. */
export const COLLEGE_ID = 1;

/** The college as stored, or null while it is not set (an empty table is the normal first state). */
export async function collegeOf(reader: {
  college: Pick<Prisma.TransactionClient["college"], "findUnique">;
}): Promise<College | null> {
  return reader.college.findUnique({
    where: { id: COLLEGE_ID },
    select: { name: true, shortName: true, updatedAt: true },
  });
}

/** The two names alone, as the form and the audit row compare them. */
export function collegeNames(college: CollegeNames | null): CollegeNames | null {
  return college ? { name: college.name, shortName: college.shortName } : null;
}

/** True when a save would change nothing stored. */
export function sameNames(stored: CollegeNames | null, next: CollegeNames): boolean {
  return stored !== null && stored.name === next.name && stored.shortName === next.shortName;
}

/**
 * The browser title: "回访 · 文理" once the college is set (its short name, so a tab stays readable), each
 * page's own title in front ("回访工作设置 · 回访 · 文理"); the app's name alone until then.
 */
export function browserTitle(appName: string, college: CollegeNames | null): { default: string; template: string } {
  const suffix = college ? `${appName} · ${college.shortName}` : appName;
  return { default: suffix, template: `%s · ${suffix}` };
}
