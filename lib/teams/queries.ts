import "server-only";
import { db } from "@/lib/db";
import { TEAMS, type TeamKey } from "./rules";

/** A team's active members (its leads first), for its members section. */
export async function teamMembers(key: TeamKey) {
  const team = TEAMS[key];
  const people = await db().user.findMany({
    where: { active: true, roles: { has: team.memberRole } },
    select: { id: true, login: true, name: true, roles: true },
    orderBy: [{ login: "asc" }],
  });
  const isLead = (roles: readonly string[]) => roles.includes(team.leadRole);
  return [...people.filter((p) => isLead(p.roles)), ...people.filter((p) => !isLead(p.roles))].map((p) => ({
    ...p,
    lead: isLead(p.roles),
  }));
}

export type TeamMember = Awaited<ReturnType<typeof teamMembers>>[number];

/** Every team's leads, for the admin who names them. */
export async function teamLeads() {
  const leadRoles = Object.values(TEAMS).map((t) => t.leadRole);
  const people = await db().user.findMany({
    where: { active: true, roles: { hasSome: leadRoles } },
    select: { id: true, login: true, name: true, roles: true },
    orderBy: [{ login: "asc" }],
  });
  return Object.fromEntries(
    (Object.keys(TEAMS) as TeamKey[]).map((key) => [key, people.filter((p) => p.roles.includes(TEAMS[key].leadRole))]),
  ) as Record<TeamKey, typeof people>;
}
