// Setting a person's password, by themselves or by an admin's reset. Both end every session of the
// account in the same transaction: whoever held the old password is signed out everywhere.
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { endAllSessions } from "@/lib/auth/sessions";
import type { Prisma } from "@/lib/db/client";
import { type Text, text } from "@/lib/i18n/text";
import { MIN_PASSWORD_LENGTH, passwordProblem } from "./password-policy";
import { temporaryPassword } from "./temporary-password";

/** Why a chosen password is refused, by form field (`next`, `repeat`), or null. Pure. */
export function newPasswordProblems(
  input: { next: string; repeat: string },
  login: string,
): Record<"next" | "repeat", Text[]> | null {
  const problem = passwordProblem(input.next, login);
  if (problem) return { next: [text(`accounts.password.${problem}`, { min: MIN_PASSWORD_LENGTH })], repeat: [] };
  if (input.next !== input.repeat) return { next: [], repeat: [text("accounts.password.repeatDiffers")] };
  return null;
}

export type ChangeOutcome = { ok: true } | { ok: false; field: "current" | "next" | "repeat"; reason: Text };

/** One's own new password, after the current one is proved; clears a reset's must-change mark. */
export async function changeOwnPassword(
  tx: Prisma.TransactionClient,
  userId: string,
  input: { current: string; next: string; repeat: string },
  now: Date,
): Promise<ChangeOutcome> {
  const user = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { login: true, passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, input.current))) {
    return { ok: false, field: "current", reason: text("accounts.password.currentWrong") };
  }
  const problems = newPasswordProblems(input, user.login);
  if (problems) {
    const field = problems.next.length > 0 ? "next" : "repeat";
    return { ok: false, field, reason: problems[field][0] as Text };
  }
  if (input.next === input.current)
    return { ok: false, field: "next", reason: text("accounts.password.sameAsCurrent") };
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(input.next), mustChangePassword: false },
  });
  await endAllSessions(tx, userId, now);
  return { ok: true };
}

/**
 * An admin's reset: a temporary password, returned once to be handed over and never stored in clear,
 * which its holder must replace at the next sign-in.
 */
export async function resetPassword(tx: Prisma.TransactionClient, userId: string, now: Date): Promise<string | null> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { login: true } });
  if (!user) return null;
  const password = temporaryPassword(user.login);
  await tx.user.update({
    where: { id: userId },
    data: { passwordHash: await hashPassword(password), mustChangePassword: true },
  });
  await endAllSessions(tx, userId, now);
  return password;
}
