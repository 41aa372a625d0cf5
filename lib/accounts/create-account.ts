// One account made by an admin on the staff page: a login (their 工号/学号), a name, roles, and for a
// caller a place in the current campaign's staff pool. It gets a temporary password, returned once to
// be handed over, which its holder replaces at the first sign-in.
import { z } from "zod";
import type { Role, StaffIdentity } from "@/generated/prisma/enums";
import { defineAction } from "@/lib/action/definition";
import { ActionError, type FieldErrors, messageKey } from "@/lib/action/errors";
import { hashPassword } from "@/lib/auth/password";
import { ROLES } from "@/lib/auth/permissions";
import { campaignInUse } from "@/lib/campaign/current";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import { poolEntry, STAFF_SOURCES } from "@/lib/staff/pool";
import { normaliseLogin } from "./logins";
import { temporaryPassword } from "./temporary-password";

/** A person's name as accounts keep it: what the staff list and the forms accept. */
export const accountNameSchema = z
  .string()
  .trim()
  .min(1, messageKey("accounts.errors.nameInvalid"))
  .max(40, messageKey("accounts.errors.nameInvalid"));

/** An 11-digit mobile, or "" for none. */
export const accountPhoneSchema = z
  .string()
  .trim()
  .regex(/^(1\d{10})?$/, messageKey("accounts.errors.phoneInvalid"));

/** The roles an account holds: at least one. */
export const accountRolesSchema = z
  .array(z.enum(ROLES))
  .min(1, messageKey("accounts.errors.rolesRequired"))
  .max(ROLES.length);

export const newAccountSchema = z.strictObject({
  login: z
    .string()
    .max(64, messageKey("accounts.errors.loginInvalid"))
    .transform((typed, ctx) => {
      const login = normaliseLogin(typed);
      if (!login) ctx.addIssue({ code: "custom", message: messageKey("accounts.errors.loginInvalid") });
      return login ?? "";
    }),
  name: accountNameSchema,
  phone: accountPhoneSchema,
  roles: accountRolesSchema,
  /** a caller's source in the staff pool of the current campaign; "" = not in the pool (yet) */
  poolSource: z.union([z.literal(""), z.enum(STAFF_SOURCES)]),
});

export type NewAccount = z.output<typeof newAccountSchema>;

export type CreatedAccount = {
  userId: string;
  login: string;
  name: string;
  temporaryPassword: string;
  pool: ReturnType<typeof poolEntry> | null;
};

export async function createAccount(
  tx: Prisma.TransactionClient,
  input: NewAccount,
  campaignId: string | null,
): Promise<{ ok: true; account: CreatedAccount } | { ok: false; fieldErrors: FieldErrors }> {
  if (input.poolSource && !input.roles.includes("CALLER")) {
    return { ok: false, fieldErrors: { poolSource: [text("accounts.errors.poolNeedsCaller")] } };
  }
  if (input.poolSource && !campaignId) {
    return { ok: false, fieldErrors: { poolSource: [text("accounts.errors.poolNeedsCampaign")] } };
  }
  const taken = await tx.user.findUnique({ where: { login: input.login }, select: { id: true } });
  if (taken) return { ok: false, fieldErrors: { login: [text("accounts.errors.loginTaken", { login: input.login })] } };
  const { password, passwordHash } = await temporaryCredentials(input.login);
  const user = await tx.user.create({
    data: newAccountData({ ...input, phone: input.phone || null }, passwordHash),
    select: { id: true },
  });
  const pool = input.poolSource && campaignId ? poolEntry(input.poolSource) : null;
  if (pool && campaignId && input.poolSource) {
    await tx.staffProfile.create({ data: { campaignId, userId: user.id, source: input.poolSource, ...pool } });
  }
  return {
    ok: true,
    account: { userId: user.id, login: input.login, name: input.name, temporaryPassword: password, pool },
  };
}

/** A temporary password for `login`, to hand over once, and its hash, the only form ever stored. */
export async function temporaryCredentials(login: string): Promise<{ password: string; passwordHash: string }> {
  const password = temporaryPassword(login);
  return { password, passwordHash: await hashPassword(password) };
}

/**
 * A new account's row, here or from a staff list (lib/staff/import.ts): it signs in with a temporary
 * password whose holder must choose their own at the first sign-in.
 */
export function newAccountData(
  person: {
    login: string;
    name: string;
    phone: string | null;
    roles: Role[];
    identity?: StaffIdentity | null;
    department?: string | null;
  },
  passwordHash: string,
) {
  return {
    login: person.login,
    name: person.name,
    phone: person.phone,
    roles: person.roles,
    identity: person.identity ?? null,
    department: person.department ?? null,
    passwordHash,
    mustChangePassword: true,
  };
}

/**
 * The staff page's 新建账号: a new account with a temporary password (returned once, never stored in clear
 * nor audited); a caller can join the current campaign's staff pool at once (lib/staff/pool.ts poolEntry
 * says where).
 */
export const CREATE_ACCOUNT = defineAction({
  name: "user.create",
  permission: "staff.manage",
  schema: newAccountSchema,
  run: async (input, { tx, audit }) => {
    const campaign = await campaignInUse(tx);
    const created = await createAccount(tx, input, campaign?.id ?? null);
    if (!created.ok) throw new ActionError("INVALID_INPUT", created.fieldErrors);
    const { account } = created;
    audit({
      entityType: "User",
      entityId: account.userId,
      after: {
        login: account.login,
        name: account.name,
        roles: input.roles,
        mustChangePassword: true,
        pool: account.pool ? { campaignId: campaign?.id ?? null, source: input.poolSource, ...account.pool } : null,
      },
    });
    return account;
  },
});
