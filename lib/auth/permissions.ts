import type { Role } from "@/generated/prisma/enums";

export type { Role };

export const ROLES = [
  "ADMIN",
  "DATA",
  "CALLBACK_LEAD",
  "GROUP_LEADER",
  "CALLER",
  "INSPECTOR",
  "STRIKE",
  "INSPECTION_LEAD",
  "DATA_LEAD",
] as const satisfies readonly Role[];

/**
 * The role x permission matrix, as data: every page and every action names one permission, and this
 * table is the only place that says who holds it. A person's permissions are the union over roles.
 * Inspectors read everything and write only inspection records (see README "Roles").
 */
export const PERMISSIONS = {
  // caller workspace (calls/)
  "calls.view": ["CALLER"],
  "contact.log": ["CALLER", "STRIKE"],
  "phone.reveal": ["CALLER", "STRIKE"],
  "withdrawal.collect": ["CALLER"],
  // the photos of a signed withdrawal form: the caller in charge, the strike member who claimed the
  // candidate, the data team who reviews it (app/api/withdrawal-photos scopes by candidate)
  "withdrawal.photo.view": ["CALLER", "STRIKE", "DATA"],
  // screenshots kept with a contact (五(二)2): whoever logs contacts adds them to their own; inspectors see
  // all, the candidate's current caller and group leader and a strike member holding the case see theirs
  // (app/api/contact-evidence scopes by candidate, lib/evidence/queries.ts)
  "evidence.attach": ["CALLER", "STRIKE"],
  "evidence.view": ["CALLER", "GROUP_LEADER", "STRIKE", "INSPECTOR"],
  // group leaders and the callback lead (groups/)
  // inspectors read everything (督查组: records, dashboards, money), and write only inspection records
  "groups.view": ["GROUP_LEADER", "CALLBACK_LEAD", "ADMIN", "INSPECTOR"],
  "groups.viewAll": ["CALLBACK_LEAD", "ADMIN", "INSPECTOR"],
  "escalation.route": ["GROUP_LEADER"],
  "weeklyReport.submit": ["GROUP_LEADER"],
  // the worklists (工作清单, app/(app)/worklists): a leader's of their own group, the lead's and admins' of any
  // group and of the whole campaign (lib/groups/scope.ts), read, exported and forwarded to the strike team
  "worklist.view": ["GROUP_LEADER", "CALLBACK_LEAD", "ADMIN"],
  "worklist.forward": ["GROUP_LEADER", "CALLBACK_LEAD", "ADMIN"],
  "candidate.reassign": ["GROUP_LEADER", "DATA", "ADMIN"],
  // in any group, not only the group one leads (lib/groups/scope.ts)
  "candidate.reassignAnyGroup": ["DATA", "ADMIN"],
  // a group's members: its leader picks them from the approved pool and releases them, an admin in any
  // group (lib/groups/scope.ts scopes the leader to their own)
  "roster.edit": ["GROUP_LEADER", "ADMIN"],
  // leave (请假): a caller asks for it and ends it; their group's leader (or an admin) decides
  "leave.request": ["CALLER"],
  "leave.decide": ["GROUP_LEADER", "ADMIN"],
  // strike team (strike/)
  "strike.view": ["STRIKE"],
  "strike.claim": ["STRIKE"],
  // inspection (inspection/)
  "inspection.view": ["INSPECTOR", "INSPECTION_LEAD"],
  "inspection.record": ["INSPECTOR"],
  "staff.qualify": ["INSPECTOR"],
  // the register of 突发情况 and 舆情 (app/(app)/inspection/incidents): the inspection team records and
  // handles them, the leadership reads them (and sees the open 较大/重大 ones on its home page)
  "incident.view": ["INSPECTOR", "INSPECTION_LEAD", "CALLBACK_LEAD", "ADMIN"],
  "incident.record": ["INSPECTOR", "INSPECTION_LEAD"],
  // 现场巡查 (四(四)2): the inspection team writes down each visit to where the callers work
  // (app/(app)/inspection/patrols); a finding raised from one is an inspection record (inspection.record)
  "patrol.record": ["INSPECTOR", "INSPECTION_LEAD"],
  // opening any contact record as the inspectors do (app/(app)/inspection/logs): the leadership too, for a
  // spot-check, read-only (only inspection.record shows the verdict form)
  "contactLog.view": ["INSPECTOR", "INSPECTION_LEAD", "ADMIN"],
  // the staff pool's training (a leader for their group's members, an admin for anyone), assessment and
  // overtime (app/(app)/staff-pool)
  "training.record": ["GROUP_LEADER", "ADMIN"],
  "assessment.record": ["ADMIN", "INSPECTOR"],
  "overtime.enter": ["ADMIN"],
  // data team and leadership (admin/)
  "admin.view": ["ADMIN", "DATA", "DATA_LEAD"],
  "import.run": ["DATA", "ADMIN"],
  "withdrawal.review": ["DATA"],
  // confirm one candidate's 报到 by hand (or take it back) and resolve where claim and record disagree
  "enrollment.confirm": ["DATA", "ADMIN"],
  // the approved 退档 / 放弃录取 materials as one zip for upload (app/(app)/admin/withdrawals/bundle)
  "withdrawal.bundle": ["DATA", "ADMIN"],
  "campaign.export": ["DATA", "ADMIN", "CALLBACK_LEAD", "INSPECTOR"],
  // a ledger or list export of what one may see; lib/export/queries.ts narrows it by kind
  "export.download": ["CALLER", "GROUP_LEADER", "CALLBACK_LEAD", "DATA", "ADMIN", "INSPECTOR"],
  "campaign.configure": ["ADMIN"],
  "staff.manage": ["ADMIN"],
  // the campaign's groups (name, region, leader) and the approval and filing of their rosters (审批备案)
  "groups.manage": ["ADMIN"],
  "audit.view": ["ADMIN", "INSPECTOR"],
  // the teams of the plan's 二、组织机构: who adds and removes the members of each (lib/teams); the admin
  // names the leads themselves
  "team.strike.manage": ["CALLBACK_LEAD", "ADMIN"],
  "team.inspection.manage": ["INSPECTION_LEAD", "ADMIN"],
  "team.data.manage": ["DATA_LEAD", "ADMIN"],
  "team.leads.manage": ["ADMIN"],
  // looking at a past campaign, read-only (lib/campaign/view.ts): those who steer, check or keep the data
  "pastCampaign.view": ["ADMIN", "CALLBACK_LEAD", "INSPECTOR", "DATA", "INSPECTION_LEAD", "DATA_LEAD"],
  // when a campaign ends, last year's students' accounts are disabled in one step
  "students.disablePast": ["ADMIN"],
  // money (payouts/)
  "payouts.view": ["ADMIN", "CALLBACK_LEAD", "INSPECTOR"],
  "payouts.signOff": ["ADMIN"],
  // one's own account: everybody who can sign in (退出所有设备, a new password); the only two a person
  // whose password was reset may use before choosing a new one
  "account.endSessions": ROLES,
  "account.changePassword": ROLES,
  // phase 1 (志愿填报指导, app/(app)/consultations): every team member logs the inbound consultations they
  // answer and their own 生源报备, and sees their own (lib/prospects)
  "consultation.log": ROLES,
  "sourceRegistration.record": ROLES,
  // the call scripts (话术) and the training manual (lib/scripts): admins write them, as new versions; every
  // team member reads the manual (app/(app)/manual), a caller the current phase's script beside the form
  "scripts.edit": ["ADMIN"],
  "manual.view": ROLES,
  // one's own inbox (app/(app)/inbox), reading it and marking it read: every role is told what changes their work or pay
  "inbox.view": ROLES,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

const BEFORE_NEW_PASSWORD: readonly Permission[] = ["account.changePassword", "account.endSessions"];

/**
 * After an admin's reset the temporary password has been seen by someone else: until its holder chooses
 * their own, the account may only do that (or sign out everywhere), whatever its roles.
 */
export function allowedBeforeNewPassword(user: { mustChangePassword: boolean }, permission: Permission): boolean {
  return !user.mustChangePassword || BEFORE_NEW_PASSWORD.includes(permission);
}

/** The signed-in user a query is scoped by (a SessionUser is one): who they are and the roles they hold. */
export interface Viewer {
  id: string;
  roles: readonly Role[];
}

export function can(roles: readonly Role[], permission: Permission): boolean {
  const allowed: readonly Role[] = PERMISSIONS[permission];
  return roles.some((role) => allowed.includes(role));
}

/**
 * Work areas in the navigation, in order, each guarded by the permission to open it (app/(app)/<key>).
 * An area may also be reached by its team's lead who is not a member: the link then opens the team page.
 */
export const AREAS = [
  { key: "calls", href: "/calls", permission: "calls.view" },
  { key: "groups", href: "/groups", permission: "groups.view" },
  { key: "worklists", href: "/worklists", permission: "worklist.view" },
  {
    key: "strike",
    href: "/strike",
    permission: "strike.view",
    team: { href: "/strike/team", permission: "team.strike.manage" },
  },
  { key: "inspection", href: "/inspection", permission: "inspection.view" },
  { key: "payouts", href: "/payouts", permission: "payouts.view" },
  { key: "admin", href: "/admin", permission: "admin.view" },
  // phase 1's consultations and 生源报备: every team member answers inbound questions, whatever else they do
  { key: "consultations", href: "/consultations", permission: "consultation.log" },
  // the training manual, last: every team member's, read beside whatever area is theirs
  { key: "manual", href: "/manual", permission: "manual.view" },
] as const satisfies readonly {
  key: string;
  href: string;
  permission: Permission;
  team?: { href: string; permission: Permission };
}[];

export type AreaKey = (typeof AREAS)[number]["key"];

// A person with several roles lands on the page of the role that steers the most.
const HOME_BY_ROLE: readonly [Role, AreaKey][] = [
  ["ADMIN", "admin"],
  ["CALLBACK_LEAD", "groups"],
  ["GROUP_LEADER", "groups"],
  ["DATA_LEAD", "admin"],
  ["DATA", "admin"],
  ["INSPECTION_LEAD", "inspection"],
  ["INSPECTOR", "inspection"],
  ["STRIKE", "strike"],
  ["CALLER", "calls"],
];

export function homeFor(roles: readonly Role[]): string {
  const key = HOME_BY_ROLE.find(([role]) => roles.includes(role))?.[1];
  return AREAS.find((area) => area.key === key)?.href ?? "/no-role";
}

/** The areas a person may open, each with the page its link opens (a lead who is not a member: the team). */
export function areasFor(roles: readonly Role[]): { key: AreaKey; href: string }[] {
  return AREAS.flatMap<{ key: AreaKey; href: string }>((area) => {
    if (can(roles, area.permission)) return [{ key: area.key, href: area.href }];
    if ("team" in area && can(roles, area.team.permission)) return [{ key: area.key, href: area.team.href }];
    return [];
  });
}
