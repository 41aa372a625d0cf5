// Building blocks for the demo campaign and for the tests: each creates one thing with sensible
// defaults, so a test states only what matters to it.
import { addDays } from "date-fns";
import type { Role } from "@/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { DEFAULT_POLICY } from "@/lib/subsidy";
import { beijingDay } from "@/lib/time";
import type { Phase } from "@/lib/workflow";

export const DEMO_PASSWORD = "huifang2024";
export const CAMPAIGN_NAME = "成都文理学院2024年高职单招";

type Db = PrismaClient | Prisma.TransactionClient;

let cachedDemoHash: Promise<string> | undefined;

/** Hashing costs ~50 ms; reuse one hash of the demo password unless a test sets its own. */
function passwordHashFor(password: string | undefined) {
  if (password === undefined || password === DEMO_PASSWORD) {
    cachedDemoHash ??= hashPassword(DEMO_PASSWORD);
    return cachedDemoHash;
  }
  return hashPassword(password);
}

export async function createUser(
  db: Db,
  input: { login: string; name?: string; roles: Role[]; password?: string; active?: boolean; phone?: string },
) {
  return db.user.create({
    data: {
      login: input.login,
      name: input.name ?? input.login,
      roles: input.roles,
      active: input.active ?? true,
      phone: input.phone,
      passwordHash: await passwordHashFor(input.password),
    },
  });
}

/**
 * Phase windows around `now`: phases before `openPhase` are closed, `openPhase` is open (started a
 * week ago, two weeks left), later ones are still to come.
 */
export function phaseWindowsAround(now: Date, openPhase: Phase) {
  const windows: { phase: Phase; opensAt: Date; closesAt: Date }[] = [];
  const lengths = [15, 15, 23, 21];
  let opensAt = addDays(now, -7);
  for (let p = openPhase - 1; p >= 1; p--) opensAt = addDays(opensAt, -(lengths[p - 1] ?? 14));
  for (const phase of [1, 2, 3, 4] as const) {
    const length = phase === openPhase ? 21 : (lengths[phase - 1] ?? 14);
    windows.push({ phase, opensAt, closesAt: addDays(opensAt, length) });
    opensAt = addDays(opensAt, length);
  }
  return windows;
}

export async function createCampaign(
  db: Db,
  input: { now: Date; openPhase?: Phase; name?: string; year?: number; planSize?: number },
) {
  const windows = phaseWindowsAround(input.now, input.openPhase ?? 4);
  return db.campaign.create({
    data: {
      // the year its phases start in: phase windows must lie within the campaign's year and the next
      year: input.year ?? Number(beijingDay(windows[0]?.opensAt ?? input.now).slice(0, 4)),
      name: input.name ?? CAMPAIGN_NAME,
      planSize: input.planSize ?? 1403,
      subsidyPolicy: DEFAULT_POLICY as unknown as Prisma.InputJsonValue,
      phaseWindows: { create: windows },
    },
    include: { phaseWindows: true },
  });
}

export async function createGroup(
  db: Db,
  input: { campaignId: string; name: string; region: string; leaderId?: string },
) {
  return db.group.create({ data: input });
}

export async function addStaff(
  db: Db,
  input: {
    campaignId: string;
    userId: string;
    groupId?: string;
    source?: Prisma.StaffProfileCreateManyInput["source"];
  },
) {
  return db.staffProfile.create({
    data: {
      campaignId: input.campaignId,
      userId: input.userId,
      groupId: input.groupId,
      source: input.source ?? "VOLUNTEER",
      poolStatus: "APPROVED",
      qualification: "APPROVED",
    },
  });
}

let examSerial = 0;

export async function createCandidate(
  db: Db,
  input: Partial<Prisma.CandidateUncheckedCreateInput> & { campaignId: string },
) {
  examSerial += 1;
  const candidate = await db.candidate.create({
    data: {
      examNo: `2451${String(Date.now() % 1e6).padStart(6, "0")}${String(examSerial).padStart(4, "0")}`,
      name: `考生${examSerial}`,
      phones: ["13800000000"],
      region: "成都",
      ...input,
    },
  });
  if (candidate.assignedCallerId) {
    await db.assignment.create({
      data: { candidateId: candidate.id, callerId: candidate.assignedCallerId, reason: "seed" },
    });
  }
  return candidate;
}
