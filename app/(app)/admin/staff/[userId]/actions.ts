"use server";

import { revalidatePath } from "next/cache";
import { editAccount, editAccountSchema } from "@/lib/accounts/edit-account";
import { ActionError, action } from "@/lib/action";
import { endAllSessions } from "@/lib/auth/sessions";

/**
 * An admin's edit of an account on the person's page. A change of roles ends every session the person
 * holds: what they may do changed, and their next request signs them in again with the new roles.
 */
export const editUserAccount = action(
  { name: "user.edit", permission: "staff.manage", schema: editAccountSchema },
  async (input, { tx, user, now, audit }) => {
    const edited = await editAccount(tx, input, user.id);
    if (!edited.ok) {
      if (edited.notFound) throw new ActionError("NOT_FOUND");
      throw new ActionError("INVALID_INPUT", edited.fieldErrors);
    }
    if (edited.rolesChanged) await endAllSessions(tx, input.userId, now);
    audit({ entityType: "User", entityId: input.userId, before: edited.before, after: edited.after });
    // the admin's own roles: their session ended with the others, and the form says so. No revalidation
    // then: it re-renders the current page inside the action's answer, and that render, now signed out,
    // would swap the page for the login before the sentence is read
    const signedOut = edited.rolesChanged && input.userId === user.id;
    if (!signedOut) {
      revalidatePath("/admin/staff");
      revalidatePath(`/admin/staff/${input.userId}`);
    }
    return { rolesChanged: edited.rolesChanged, signedOut };
  },
);
