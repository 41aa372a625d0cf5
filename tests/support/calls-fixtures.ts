// A small campaign for the caller-workspace action tests: two groups, each with a leader and a caller, one
// candidate per caller, and the people who must be refused (inspector, data team, strike team).
// Every call builds a new campaign with new users, so a test counts rows by its own ids and never
// needs to delete anything (the audit log is append-only and cannot be cleaned up anyway).
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import type { Phase } from "@/lib/workflow";
import { createCampaign, createCandidate, createUser } from "@/prisma/seed/factories";
import { createTwoGroups } from "./two-groups";

let serial = 0;

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export async function buildCallsFixture(input: { openPhase: Phase; now?: Date }) {
  serial += 1;
  const tag = `${Date.now().toString(36)}${serial}`;
  const prisma = db();
  const now = input.now ?? new Date();
  const campaign = await createCampaign(prisma, { now, openPhase: input.openPhase, name: `回访测试 ${tag}` });
  const { leaderA, callerA, leaderB, callerB, groupA, groupB, user } = await createTwoGroups(campaign.id, tag, {
    leaderA: "甲组组长",
    callerA: "甲组回访",
    leaderB: "乙组组长",
    callerB: "乙组回访",
  });
  const inspector = await user("inspector", "督查", ["INSPECTOR"]);
  const data = await user("data", "数据组一", ["DATA"]);
  const data2 = await user("data2", "数据组二", ["DATA"]);
  const strike = await user("strike", "突击组", ["STRIKE"]);
  const admin = await user("admin", "管理员", ["ADMIN"]);

  // distinctive name and numbers so a leak is visible in any serialized result
  const candidateA = await createCandidate(prisma, {
    campaignId: campaign.id,
    groupId: groupA.id,
    assignedCallerId: callerA.id,
    name: `甲考生${tag}`,
    phones: ["13911112222", "13933334444"],
    region: "成都",
    admitted: input.openPhase >= 3,
  });
  const candidateB = await createCandidate(prisma, {
    campaignId: campaign.id,
    groupId: groupB.id,
    assignedCallerId: callerB.id,
    name: `乙考生${tag}`,
    phones: ["13655556666"],
    region: "绵阳",
    admitted: input.openPhase >= 3,
  });

  const users = { leaderA, callerA, leaderB, callerB, inspector, data, data2, strike, admin };
  /** ids of everyone who may act in this fixture; personWithRoles adds to it */
  const people = Object.values(users).map((u) => u.id);
  return { tag, now, campaign, groupA, groupB, candidateA, candidateB, users, people };
}

export type CallsFixture = Awaited<ReturnType<typeof buildCallsFixture>>;

/**
 * Audit rows written by the people of this fixture (its users and those added by personWithRoles),
 * optionally of one action or entity: a refused action must leave this unchanged.
 */
export function auditCount(fx: CallsFixture, where: { action?: string; entityId?: string; actorId?: string } = {}) {
  return db().auditLog.count({ where: { actorId: { in: fx.people }, ...where } });
}

/** Everything an action on a candidate could change, to compare before and after a refused call. */
export async function candidateState(candidateId: string) {
  const prisma = db();
  const [candidate, logs, escalations, withdrawals] = await Promise.all([
    prisma.candidate.findUniqueOrThrow({ where: { id: candidateId } }),
    prisma.contactLog.findMany({ where: { candidateId }, orderBy: { id: "asc" } }),
    prisma.escalation.findMany({ where: { candidateId }, orderBy: { id: "asc" } }),
    prisma.withdrawalRequest.findMany({ where: { candidateId }, include: { photos: true }, orderBy: { id: "asc" } }),
  ]);
  return { candidate, logs, escalations, withdrawals };
}

/** Moves a phase window so that it closed a minute ago (and opened three weeks before). */
export async function closePhase(fx: CallsFixture, phase: Phase) {
  const closesAt = new Date(Date.now() - 60_000);
  await db().phaseWindow.update({
    where: { campaignId_phase: { campaignId: fx.campaign.id, phase } },
    data: { opensAt: new Date(closesAt.getTime() - 21 * DAY), closesAt },
  });
}

/** Asserts that a refused result names none of the candidate's personal data. */
export function expectNoPersonalData(result: unknown, candidate: { name: string; phones: string[]; examNo: string }) {
  const body = JSON.stringify(result);
  expect(body).not.toContain(candidate.name);
  expect(body).not.toContain(candidate.examNo);
  for (const phone of candidate.phones) {
    expect(body).not.toContain(phone);
    expect(body).not.toContain(phone.slice(-4));
  }
}

/** A contact log as an earlier submission left it, for ledgers built before the action under test. */
export function insertLog(
  fx: CallsFixture,
  input: { candidateId: string; callerId: string; phase: Phase; startedAt: Date; outcome: string },
) {
  return db().contactLog.create({
    data: {
      campaignId: fx.campaign.id,
      channel: "PHONE",
      durationSeconds: 30,
      idempotencyKey: randomUUID(),
      ...input,
    },
  });
}

/** The smallest byte string the server takes for a JPEG photo (it checks the magic bytes). */
export function tinyJpeg(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9]);
}

/** One more person in the fixture's campaign, holding exactly `roles` (for the role x action matrix). */
export async function personWithRoles(fx: CallsFixture, roles: Role[]) {
  serial += 1;
  const person = await createUser(db(), { login: `${roles.join("-").toLowerCase()}-${fx.tag}-${serial}`, roles });
  fx.people.push(person.id);
  return person;
}

/**
 * Opens every connection of the pool (DATABASE_POOL_SIZE is 5 in integration-setup.ts) before a race,
 * so that parallel actions really run side by side instead of queuing behind a connection being set up.
 */
export async function warmPool(connections = 5) {
  await Promise.all(Array.from({ length: connections }, () => db().$queryRaw`SELECT pg_sleep(0.05)::text AS slept`));
}
