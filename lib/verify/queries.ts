import "server-only";
import { cache } from "react";
import { COLLEGE_ID } from "@/lib/college/college";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { beijingDay } from "@/lib/time";
import { type CheckAnswer, type CheckRequest, checkCall, currentMembers, verifySettingOf } from "./check";
import { displayOf, type Honorific, verifyCode } from "./rules";

/** The public check's setting for the pages: null while it is off (the page is then a 404). */
export const verifySetting = cache(async () => verifySettingOf(db()));

/** The college's two settings of the check, for the admin's card (null while the college is not set). */
export async function verifySettingsForm() {
  return db().college.findUnique({ where: { id: COLLEGE_ID }, select: { verifyEnabled: true, admissionsPhone: true } });
}

/**
 * A member's code of today (Beijing day), for their own page; null while the check is off or when the
 * person is not a current member of the team (their code would confirm nothing).
 */
export async function myVerifyCard(
  userId: string,
  now: Date = new Date(),
): Promise<{ code: string; team: string; surname: string; honorific: Honorific } | null> {
  const setting = await verifySetting();
  if (!setting) return null;
  const me = (await currentMembers(db())).find((m) => m.id === userId);
  if (!me) return null;
  return {
    code: verifyCode(serverEnv().NEXTAUTH_SECRET, userId, beijingDay(now)),
    team: setting.team,
    ...displayOf(me),
  };
}

/** The public route's check (app/api/verify), on the app's database with the server's secret. */
export function publicCheck(request: CheckRequest): Promise<CheckAnswer> {
  return checkCall(db(), request, { secret: serverEnv().NEXTAUTH_SECRET });
}
