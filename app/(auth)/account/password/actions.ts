"use server";

import { z } from "zod";
import { changeOwnPassword } from "@/lib/accounts/passwords";
import { ActionError, action } from "@/lib/action";

// Long enough for any passphrase, short enough that argon2 is not handed a megabyte.
const PASSWORD = z.string().max(200);

/**
 * One's own new password, the current (or temporary) one proved first. Every session of the account
 * ends with it, this browser's included: the form then sends its user to sign in with the new one.
 */
export const changePassword = action(
  {
    name: "user.changePassword",
    permission: "account.changePassword",
    schema: z.object({ current: PASSWORD, next: PASSWORD, repeat: PASSWORD }).strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const outcome = await changeOwnPassword(tx, user.id, input, now);
    if (!outcome.ok) throw new ActionError("INVALID_INPUT", { [outcome.field]: [outcome.reason] });
    // never the password or its hash: only that it changed
    audit({ entityType: "User", entityId: user.id, after: { passwordChanged: true } });
    return { changed: true };
  },
);
