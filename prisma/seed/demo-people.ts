// The demo's people, made the way a college makes its own (README "A real campaign"): the first admin
// through the command line's function, then each step submitted to the action its page serves
// (lib/action/definition.ts): the campaign, the team accounts, the callers' staff list, the inspectors'
// qualification review, the groups with their leaders, the leaders' picks and the rosters' filing. The
// demo and a real campaign run the same code, so they cannot drift apart.
import { createHash } from "node:crypto";
import type { Role, StaffIdentity, StaffSource } from "@/generated/prisma/enums";
import { CREATE_ACCOUNT } from "@/lib/accounts/create-account";
import { createAdmin } from "@/lib/accounts/create-admin";
import type { ActionResult } from "@/lib/action/result";
import { runAs, submitAs } from "@/lib/action/system";
import { hashPassword } from "@/lib/auth/password";
import { CREATE_CAMPAIGN } from "@/lib/campaign/create";
import type { PrismaClient } from "@/lib/db/client";
import { APPROVE_ROSTER, CREATE_GROUP } from "@/lib/groups/manage";
import { ADD_MEMBER } from "@/lib/groups/members";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { addStaffRows, type PreparedPasswords } from "@/lib/staff/import";
import type { StaffRow } from "@/lib/staff/import-plan";
import { REVIEW_QUALIFICATION } from "@/lib/staff/qualification";
import { beijingDateTime, beijingDay } from "@/lib/time";
import { CAMPAIGN_NAME, DEMO_PASSWORD } from "./factories";

export interface DemoPerson {
  login: string;
  name: string;
  phone: string;
  roles: Role[];
  source: StaffSource;
}

export interface DemoGroupDraft {
  name: string;
  region: string;
  leader: DemoPerson;
  callers: DemoPerson[];
}

export const ADMIN = { login: "admin" } as const;
const INSPECTOR = { login: "inspector" } as const;

/** The action's answer, or the demo stops with the refusal: a demo that cannot be built is a bug. */
function must<T>(result: ActionResult<T>, what: string): T {
  if (result.ok) return result.data;
  throw new Error(`demo: ${what} refused: ${result.error} ${JSON.stringify(result.fieldErrors ?? {})}`);
}

/**
 * The demo's accounts sign in with the README's password instead of the temporary one an account gets:
 * the one step no page takes (a real college hands out the credentials sheet instead).
 */
async function giveDemoPassword(prisma: PrismaClient, logins: string[]) {
  await prisma.user.updateMany({
    where: { login: { in: logins } },
    data: { passwordHash: await hashPassword(DEMO_PASSWORD), mustChangePassword: false },
  });
}

/** The staff list's rows as the checker would pass them (lib/staff/import-plan staffRow). */
function staffRows(people: readonly (DemoPerson & { identity?: StaffIdentity; region?: string })[]): StaffRow[] {
  return people.map((p, index) => {
    const identity: StaffIdentity = p.identity ?? (p.source === "STUDENT" ? "STUDENT" : "TEACHER");
    return {
      row: index + 2,
      login: p.login,
      name: p.name,
      phone: p.phone,
      identity,
      department: null,
      source: p.source,
      studentCadre: false,
      region: p.region ?? null,
    };
  });
}

/** Imports a staff list as the data team's page applies one (lib/staff/import addStaffRows). */
export async function importDemoStaffList(
  prisma: PrismaClient,
  campaignId: string,
  people: readonly (DemoPerson & { identity?: StaffIdentity; region?: string })[],
  fileName: string,
  now: Date,
) {
  const rows = staffRows(people);
  // no temporary password is handed out here: giveDemoPassword sets the README's on every login
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const prepared: PreparedPasswords = new Map(
    rows.map((r) => [r.login, { password: DEMO_PASSWORD, passwordHash }] as const),
  );
  const fileHash = createHash("sha256").update(JSON.stringify(rows)).digest("hex");
  must(
    await runAs(prisma, ADMIN, { name: "user.importList", permission: "staff.manage", now, timeoutMs: 60_000 }, (ctx) =>
      addStaffRows(ctx, campaignId, rows, prepared, { fileName, fileHash, rows: rows.length }),
    ),
    fileName,
  );
  await giveDemoPassword(
    prisma,
    rows.map((r) => r.login),
  );
}

/** An inspector's 资格审查 of one pool entry. */
export async function reviewDemoApplicant(
  prisma: PrismaClient,
  inspector: { login: string },
  profileId: string,
  decision: { decision: "APPROVED" } | { decision: "REJECTED"; reason: string },
  at: Date,
) {
  must(await submitAs(prisma, inspector, REVIEW_QUALIFICATION, { profileId, ...decision }, { now: at }), "review");
}

/**
 * The demo's people in the campaign: returns its id and windows, and each group with its callers' ids
 * (the leader first), as the candidates are spread over them.
 */
export async function enrolDemoPeople(
  prisma: PrismaClient,
  input: {
    now: Date;
    windows: { phase: number; opensAt: Date; closesAt: Date }[];
    admin: DemoPerson;
    team: DemoPerson[];
    groups: DemoGroupDraft[];
  },
) {
  const { now } = input;
  const admin = await createAdmin(prisma, { login: ADMIN.login, name: input.admin.name, password: DEMO_PASSWORD });
  if (!admin.ok) throw new Error(`demo: the admin refused: ${renderText(translatorFor("zh-CN"), admin.reason)}`);

  const opens = input.windows[0]?.opensAt ?? now;
  const campaign = must(
    await submitAs(
      prisma,
      ADMIN,
      CREATE_CAMPAIGN,
      {
        name: CAMPAIGN_NAME,
        year: beijingDay(opens).slice(0, 4),
        planSize: "1403",
        copyFrom: "",
        phases: input.windows.map((w) => ({
          phase: w.phase,
          opensAt: beijingDateTime(w.opensAt),
          closesAt: beijingDateTime(w.closesAt),
        })),
      },
      { now },
    ),
    "the campaign",
  );

  // the teams (data, lead, inspectors, strike) are accounts with their roles; they call nobody
  for (const person of input.team) {
    must(
      await submitAs(
        prisma,
        ADMIN,
        CREATE_ACCOUNT,
        { login: person.login, name: person.name, phone: person.phone, roles: person.roles, poolSource: "" },
        { now },
      ),
      person.login,
    );
  }
  await giveDemoPassword(
    prisma,
    input.team.map((p) => p.login),
  );

  // the callers come from the staff list, and all but 2023's excellent ones wait for the review
  const callers = input.groups.flatMap((g) => [g.leader, ...g.callers]);
  await importDemoStaffList(prisma, campaign.id, callers, "回访人员名单.xlsx", now);
  const waiting = await prisma.staffProfile.findMany({
    where: { campaignId: campaign.id, qualification: "PENDING" },
    orderBy: { user: { login: "asc" } },
    select: { id: true },
  });
  for (const profile of waiting) {
    await reviewDemoApplicant(prisma, INSPECTOR, profile.id, { decision: "APPROVED" }, now);
  }

  // each group with its leader; the leader picks the members; the admin files the roster
  const profiles = await prisma.staffProfile.findMany({
    where: { campaignId: campaign.id },
    select: { id: true, userId: true, user: { select: { login: true } } },
  });
  const profileOf = (login: string) => {
    const profile = profiles.find((p) => p.user.login === login);
    if (!profile) throw new Error(`demo: ${login} is not in the staff pool`);
    return profile;
  };
  const groups: { id: string; region: string; callerIds: string[]; leaderId: string }[] = [];
  for (const [index, draft] of input.groups.entries()) {
    const group = must(
      await submitAs(
        prisma,
        ADMIN,
        CREATE_GROUP,
        { name: draft.name, region: draft.region, leaderLogin: draft.leader.login },
        { now },
      ),
      draft.name,
    );
    for (const caller of draft.callers) {
      const profileId = profileOf(caller.login).id;
      must(
        await submitAs(prisma, { login: draft.leader.login }, ADD_MEMBER, { groupId: group.id, profileId }, { now }),
        caller.login,
      );
    }
    // the first group's roster still waits for the admin, so the groups page shows both states
    if (index > 0) {
      must(await submitAs(prisma, ADMIN, APPROVE_ROSTER, { groupId: group.id }, { now }), `${draft.name} roster`);
    }
    groups.push({
      id: group.id,
      region: group.region,
      leaderId: profileOf(draft.leader.login).userId,
      callerIds: [draft.leader, ...draft.callers].map((p) => profileOf(p.login).userId),
    });
  }
  const phaseWindows = await prisma.phaseWindow.findMany({ where: { campaignId: campaign.id } });
  return { campaign: { id: campaign.id, phaseWindows }, groups, people: 1 + input.team.length + callers.length };
}
