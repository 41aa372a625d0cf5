"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { CREATE_ACCOUNT } from "@/lib/accounts/create-account";
import { resetPassword } from "@/lib/accounts/passwords";
import { ActionError, action, serverAction } from "@/lib/action";
import { endAllSessions } from "@/lib/auth/sessions";
import { text } from "@/lib/i18n/text";

/**
 * Disables or re-enables an account. Either way every session the person holds ends, at their next
 * request (lib/auth/sessions checks the session on each one).
 */
export const setUserActive = action(
  {
    name: "user.setActive",
    permission: "staff.manage",
    schema: z.object({ userId: z.string().min(1).max(64), active: z.stringbool() }).strict(),
  },
  async ({ userId, active }, { tx, user, now, audit }) => {
    if (userId === user.id)
      throw new ActionError("INVALID_INPUT", { active: [text("staff.errors.cannotDisableSelf")] });
    const before = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!before) throw new ActionError("NOT_FOUND");
    const after = await tx.user.update({
      where: { id: userId },
      data: { active },
      select: { active: true },
    });
    await endAllSessions(tx, userId, now);
    audit({ entityType: "User", entityId: userId, before, after });
    revalidatePath("/admin/staff");
    return after;
  },
);

/**
 * An admin's reset of someone else's password (issue 13): a temporary password, returned once for the
 * admin to hand over and never stored in clear nor audited; every session of the account ends, and its
 * holder must choose their own password at the next sign-in. One's own password is changed on
 * /account/password instead, where the current one is proved first.
 */
export const resetUserPassword = action(
  {
    name: "user.resetPassword",
    permission: "staff.manage",
    schema: z.object({ userId: z.string().min(1).max(64) }).strict(),
  },
  async ({ userId }, { tx, user, now, audit }) => {
    if (userId === user.id)
      throw new ActionError("INVALID_INPUT", { userId: [text("staff.errors.cannotResetOwnPassword")] });
    const temporary = await resetPassword(tx, userId, now);
    if (temporary === null) throw new ActionError("NOT_FOUND");
    // never the password or its hash: only that it was reset
    audit({ entityType: "User", entityId: userId, after: { passwordReset: true, mustChangePassword: true } });
    return { temporaryPassword: temporary };
  },
);

/** A new account with a temporary password: the body is lib/accounts/create-account.ts CREATE_ACCOUNT. */
export const createUserAccount = serverAction(CREATE_ACCOUNT, () => {
  revalidatePath("/admin/staff");
  revalidatePath("/inspection/staff");
});
