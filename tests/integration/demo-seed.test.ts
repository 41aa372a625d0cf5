import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPrismaClient } from "@/lib/db/client";
import { DEMO_LOGINS, DEMO_REGIONS, seedDemo } from "@/prisma/seed/demo";
import { databaseUrl, dropDatabase, templateDatabase, withAdmin } from "../support/databases";

const NOW = new Date("2026-11-27T02:00:00Z");

describe("the demo campaign", () => {
  beforeAll(async () => {
    await seedDemo(db(), NOW);
  }, 120_000);

  it("has the plan's size: 1403 candidates over 8 regional groups of 6 callers", async () => {
    expect(await db().candidate.count()).toBe(1403);
    const groups = await db().group.findMany({ include: { members: true } });
    expect(groups.map((g) => g.region).sort()).toEqual([...DEMO_REGIONS].sort());
    for (const group of groups) {
      expect(group.members).toHaveLength(6);
      expect(group.members.map((m) => m.userId)).toContain(group.leaderId);
    }
    // every candidate is in the group of its region and in the charge of one of that group's callers
    const misplaced = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Candidate" c
      JOIN "Group" g ON g.id = c."groupId"
      LEFT JOIN "StaffProfile" s ON s."userId" = c."assignedCallerId" AND s."groupId" = g.id
      WHERE c.region <> g.region OR s.id IS NULL`;
    expect(Number(misplaced[0]?.n)).toBe(0);
    expect(await db().assignment.count({ where: { endedAt: null } })).toBe(1403);
  });

  it("has one demo login per role, holding that role", async () => {
    for (const { login, role } of DEMO_LOGINS) {
      const user = await db().user.findUniqueOrThrow({ where: { login } });
      expect(user.roles).toContain(role);
      expect(user.active).toBe(true);
    }
  });

  it("has the plan's team overlaps: one person leads callback, strike and co-leads inspection; seven inspectors; three in the data team", async () => {
    const lead = await db().user.findUniqueOrThrow({ where: { login: "lead" } });
    expect(lead.roles).toEqual(expect.arrayContaining(["CALLBACK_LEAD", "STRIKE", "INSPECTOR"]));
    expect(await db().user.count({ where: { roles: { has: "INSPECTOR" } } })).toBe(7);
    expect(await db().user.count({ where: { roles: { has: "DATA" } } })).toBe(3);
  });

  it("spreads candidates over the four phases with contact logs in each", async () => {
    const byPhase = await db().contactLog.groupBy({ by: ["phase"], _count: { _all: true }, orderBy: { phase: "asc" } });
    expect(byPhase.map((p) => p.phase)).toEqual([1, 2, 3, 4]);
    for (const phase of byPhase) expect(phase._count._all).toBeGreaterThan(100);
    expect(await db().candidate.count({ where: { withdrawal: "APPROVED" } })).toBeGreaterThan(0);
    expect(await db().candidate.count({ where: { enrollment: "ENROLLED" } })).toBeGreaterThan(1000);
    expect(await db().candidate.count({ where: { enrollment: "NOT_ENROLLED" } })).toBeGreaterThan(0);
    expect(await db().escalation.count()).toBeGreaterThan(0);
    // logs never lie in the future and always belong to the phase window they were made in
    const outside = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "ContactLog" l JOIN "PhaseWindow" w ON w."campaignId" = l."campaignId" AND w.phase = l.phase
      WHERE l."startedAt" > ${NOW} OR l."startedAt" < w."opensAt" - interval '1 day' OR l."startedAt" > w."closesAt" + interval '1 day'`;
    expect(Number(outside[0]?.n)).toBe(0);
  });

  describe("is deterministic", () => {
    const second = `huifang_test_${randomBytes(6).toString("hex")}`;
    const prisma = createPrismaClient(databaseUrl(second), { poolSize: 2 });
    beforeAll(async () => {
      await withAdmin((c) => c.query(`CREATE DATABASE "${second}" TEMPLATE "${templateDatabase()}"`));
      await seedDemo(prisma, NOW);
    }, 120_000);
    afterAll(async () => {
      await prisma.$disconnect();
      await withAdmin((c) => dropDatabase(c, second));
    });

    it("gives the same people and candidates on every run", async () => {
      const snapshot = async (client: typeof prisma) => ({
        users: await client.user.findMany({
          orderBy: { login: "asc" },
          select: { login: true, name: true, roles: true },
        }),
        candidates: await client.candidate.findMany({
          orderBy: { examNo: "asc" },
          select: { examNo: true, name: true, phones: true, enrollment: true, withdrawal: true },
        }),
        logs: await client.contactLog.count(),
      });
      expect(await snapshot(prisma)).toEqual(await snapshot(db()));
    });
  });
});
