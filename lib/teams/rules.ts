// The teams of the plan's 二、组织机构 and who steers them, as data: the callback lead picks the strike team,
// the inspection co-leads their inspectors, the data team's lead its members; the admin names the leads.
// Pure: roles in, roles out (or the reason a change is refused).
import type { Permission, Role } from "@/lib/auth/permissions";

export const TEAM_KEYS = ["strike", "inspection", "data"] as const;
export type TeamKey = (typeof TEAM_KEYS)[number];

export interface Team {
  /** the role a member holds */
  memberRole: Role;
  /** the role of the team's lead (several people may hold it: the inspection team has co-leads) */
  leadRole: Role;
  /** whether the lead is a member too: the inspection co-leads inspect, the data lead works the data */
  leadIsMember: boolean;
  /** who adds and removes members */
  permission: Permission;
}

export const TEAMS: Record<TeamKey, Team> = {
  strike: { memberRole: "STRIKE", leadRole: "CALLBACK_LEAD", leadIsMember: false, permission: "team.strike.manage" },
  inspection: {
    memberRole: "INSPECTOR",
    leadRole: "INSPECTION_LEAD",
    leadIsMember: true,
    permission: "team.inspection.manage",
  },
  data: { memberRole: "DATA", leadRole: "DATA_LEAD", leadIsMember: true, permission: "team.data.manage" },
};

/** Roles whose holder steers others: nobody takes one of these from themselves. */
const LEAD_ROLES: readonly Role[] = ["ADMIN", ...TEAM_KEYS.map((key) => TEAMS[key].leadRole)];

export type Refusal = "ownLead" | "lastAdmin" | "leadIsMember";

export type RoleChange = { ok: true; roles: Role[]; changed: boolean } | { ok: false; refusal: Refusal };

/** The roles in the app's order, without repeats: what is stored, so before and after compare. */
function normalized(roles: Iterable<Role>, order: readonly Role[]): Role[] {
  const set = new Set(roles);
  return order.filter((role) => set.has(role));
}

/**
 * The guard every role change passes: nobody removes their own lead role (or their own admin), and the
 * last active admin stays an admin.
 */
export function roleChangeRefusal(change: {
  before: readonly Role[];
  after: readonly Role[];
  self: boolean;
  activeAdmins: number;
}): Refusal | null {
  const removed = change.before.filter((role) => !change.after.includes(role));
  if (change.self && removed.some((role) => LEAD_ROLES.includes(role))) return "ownLead";
  if (removed.includes("ADMIN") && change.activeAdmins <= 1) return "lastAdmin";
  return null;
}

/**
 * Adds a person to a team or takes them off it. A lead who is a member by office stays one while they
 * lead: their lead role is taken first, by an admin.
 */
export function memberChange(
  team: Team,
  before: readonly Role[],
  member: boolean,
  order: readonly Role[],
  guard: { self: boolean; activeAdmins: number },
): RoleChange {
  if (!member && team.leadIsMember && before.includes(team.leadRole)) return { ok: false, refusal: "leadIsMember" };
  const after = normalized(member ? [...before, team.memberRole] : before.filter((r) => r !== team.memberRole), order);
  return finish(before, after, order, guard);
}

/** Names a team's lead (who then is a member too, where the lead is one by office) or ends the office. */
export function leadChange(
  team: Team,
  before: readonly Role[],
  lead: boolean,
  order: readonly Role[],
  guard: { self: boolean; activeAdmins: number },
): RoleChange {
  const after = normalized(
    lead
      ? [...before, team.leadRole, ...(team.leadIsMember ? [team.memberRole] : [])]
      : before.filter((r) => r !== team.leadRole),
    order,
  );
  return finish(before, after, order, guard);
}

function finish(
  before: readonly Role[],
  after: Role[],
  order: readonly Role[],
  guard: { self: boolean; activeAdmins: number },
): RoleChange {
  const refusal = roleChangeRefusal({ before, after, ...guard });
  if (refusal) return { ok: false, refusal };
  const was = normalized(before, order);
  return { ok: true, roles: after, changed: was.join() !== after.join() };
}
