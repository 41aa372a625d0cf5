// The first account of a deployment, made from the command line: nobody is signed in yet, so this is
// the one write that has no acting user (its audit row names none).
import { randomUUID } from "node:crypto";
import { isUniqueViolation, writeAudit } from "@/lib/action/run";
import { hashPassword } from "@/lib/auth/password";
import type { PrismaClient } from "@/lib/db/client";
import { type Text, text } from "@/lib/i18n/text";
import { normaliseLogin } from "./logins";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";

export type CreateAdminResult = { ok: true; userId: string; login: string } | { ok: false; reason: Text };

export async function createAdmin(
  prisma: PrismaClient,
  input: { login: string; name: string; password: string },
): Promise<CreateAdminResult> {
  const login = normaliseLogin(input.login);
  if (!login) return { ok: false, reason: text("accounts.errors.loginInvalid") };
  const name = input.name.trim();
  if (!name || name.length > 40) return { ok: false, reason: text("accounts.errors.nameInvalid") };
  const problem = passwordProblem(input.password, login);
  if (problem) return { ok: false, reason: text(`accounts.password.${problem}`, { min: MIN_PASSWORD_LENGTH }) };

  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { login, name, roles: ["ADMIN"], passwordHash } });
      await writeAudit(tx, "user.createAdmin", null, randomUUID(), {
        entityType: "User",
        entityId: created.id,
        after: { login, name, roles: ["ADMIN"] },
      });
      return created;
    });
    return { ok: true, userId: user.id, login };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: text("accounts.errors.loginTaken", { login }) };
    throw error;
  }
}
