// An admin's edit of one account on the person's page: name, mobile, 身份, 学院/部门 and roles. The login
// is who the person is (their 工号/学号, the key of the staff list and of the audit log) and is not edited.
import { z } from "zod";
import type { FieldErrors } from "@/lib/action/errors";
import { messageKey } from "@/lib/action/errors";
import type { Role } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { accountNameSchema, accountPhoneSchema, accountRolesSchema } from "./create-account";
import { STAFF_IDENTITIES } from "./identities";

export const editAccountSchema = z.strictObject({
  userId: z.string().min(1).max(64),
  name: accountNameSchema,
  phone: accountPhoneSchema,
  /** "" = not said */
  identity: z.union([z.literal(""), z.enum(STAFF_IDENTITIES)]),
  department: z.string().trim().max(60, messageKey("accounts.errors.departmentTooLong")),
  roles: accountRolesSchema,
});

export type AccountEdit = z.output<typeof editAccountSchema>;

/**
 * Why a change of roles is refused, or null: an admin never takes the admin role from themselves (they
 * could not give it back), and the last active admin keeps it (nobody could configure the campaign).
 */
export function rolesChangeRefusal(change: {
  before: readonly Role[];
  after: readonly Role[];
  self: boolean;
  otherActiveAdmins: number;
}): FieldErrors | null {
  const losesAdmin = change.before.includes("ADMIN") && !change.after.includes("ADMIN");
  if (!losesAdmin) return null;
  if (change.self) return { roles: [text("accounts.errors.ownAdminRole")] };
  if (change.otherActiveAdmins === 0) return { roles: [text("accounts.errors.lastAdmin")] };
  return null;
}

/** Whether two role lists hold the same roles, in any order. */
export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

const EDITED = { name: true, phone: true, identity: true, department: true, roles: true } as const;

/**
 * Applies the edit, returning the account before and after (for the audit), or the refusal. A change of
 * roles is reported so the caller ends the person's sessions: what they may do changed.
 */
export async function editAccount(
  tx: Prisma.TransactionClient,
  input: AccountEdit,
  actorId: string,
): Promise<
  | { ok: true; before: AccountFields; after: AccountFields; rolesChanged: boolean }
  | { ok: false; notFound: true }
  | { ok: false; notFound?: false; fieldErrors: FieldErrors }
> {
  // the account and every active admin are locked, in one order, so two admins demoting each other at
  // once cannot both pass the last-admin check
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User" WHERE "id" = ${input.userId} OR ('ADMIN' = ANY("roles") AND "active")
    ORDER BY "id" FOR UPDATE`;
  if (!locked.some((row) => row.id === input.userId)) return { ok: false, notFound: true };
  const before = await tx.user.findUniqueOrThrow({ where: { id: input.userId }, select: EDITED });
  const otherActiveAdmins = await tx.user.count({
    where: { id: { not: input.userId }, active: true, roles: { has: "ADMIN" } },
  });
  const refusal = rolesChangeRefusal({
    before: before.roles,
    after: input.roles,
    self: input.userId === actorId,
    otherActiveAdmins,
  });
  if (refusal) return { ok: false, fieldErrors: refusal };
  const after = await tx.user.update({
    where: { id: input.userId },
    data: {
      name: input.name,
      phone: input.phone || null,
      identity: input.identity || null,
      department: input.department || null,
      roles: input.roles,
    },
    select: EDITED,
  });
  return { ok: true, before, after, rolesChanged: !sameRoles(before.roles, after.roles) };
}

type AccountFields = Prisma.UserGetPayload<{ select: typeof EDITED }>;
