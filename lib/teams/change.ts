import "server-only";
import { type ActionContext, ActionError } from "@/lib/action";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { endAllSessions } from "@/lib/auth/sessions";
import { text } from "@/lib/i18n/text";
import { leadChange, memberChange, type Refusal, type RoleChange, TEAMS, type TeamKey } from "./rules";

const REFUSAL_TEXT = {
  ownLead: text("teams.errors.ownLead"),
  lastAdmin: text("teams.errors.lastAdmin"),
  leadIsMember: text("teams.errors.leadIsMember"),
} as const satisfies Record<Refusal, unknown>;

/**
 * One person's roles changed for a team (a member added or removed, a lead named or removed), in the
 * action's transaction: the rules of lib/teams/rules.ts, every session of theirs ended (their roles are
 * read again at the next sign-in), one audit entry with the roles before and after.
 */
export async function changeTeamRoles(
  { tx, user, now, audit, unchanged }: ActionContext,
  input: { team: TeamKey; login: string; kind: "member" | "lead"; on: boolean },
): Promise<{ name: string; roles: Role[]; changed: boolean }> {
  const target = await tx.user.findUnique({
    where: { login: input.login },
    select: { id: true, name: true, roles: true, active: true },
  });
  if (!target) throw new ActionError("INVALID_INPUT", { login: [text("teams.errors.notFound")] });
  if (!target.active && input.on) throw new ActionError("INVALID_INPUT", { login: [text("teams.errors.disabled")] });
  const activeAdmins = await tx.user.count({ where: { active: true, roles: { has: "ADMIN" } } });
  const guard = { self: target.id === user.id, activeAdmins };
  const team = TEAMS[input.team];
  const change: RoleChange =
    input.kind === "member"
      ? memberChange(team, target.roles, input.on, ROLES, guard)
      : leadChange(team, target.roles, input.on, ROLES, guard);
  if (!change.ok) throw new ActionError("INVALID_INPUT", { login: [REFUSAL_TEXT[change.refusal]] });
  if (!change.changed) {
    unchanged();
    return { name: target.name, roles: target.roles, changed: false };
  }
  await tx.user.update({ where: { id: target.id }, data: { roles: change.roles } });
  await endAllSessions(tx, target.id, now);
  audit({
    entityType: "User",
    entityId: target.id,
    before: { roles: target.roles },
    after: { roles: change.roles, team: input.team },
  });
  return { name: target.name, roles: change.roles, changed: true };
}
