// `npm run cli -- retention [--apply] [--now <ISO date>]` against this file's database: the dry run lists
// the due campaigns and writes nothing; --apply anonymises them; a second --apply changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ANONYMOUS_NAME } from "@/lib/retention";
import { addDaysToDay, beijingDay, startOfBeijingDay } from "@/lib/time";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { cli } from "../support/cli";
import { makeRetentionDue } from "../support/retention";

const retention = (args: string[]) => cli(["retention", ...args]);

/** Row counts and the candidates' personal fields: what a dry run must leave exactly as it was. */
async function snapshot(fx: CallsFixture) {
  const prisma = db();
  return {
    audit: await prisma.auditLog.count(),
    candidates: await prisma.candidate.findMany({ where: { campaignId: fx.campaign.id }, orderBy: { id: "asc" } }),
    logs: await prisma.contactLog.findMany({ where: { campaignId: fx.campaign.id }, orderBy: { id: "asc" } }),
  };
}

describe("cli retention", () => {
  let fx: CallsFixture;
  let dueAt: Date;

  beforeAll(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    await db().contactLog.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        callerId: fx.users.callerA.id,
        phase: 4,
        channel: "PHONE",
        startedAt: new Date(),
        durationSeconds: 60,
        outcome: "CONSULTED",
        notes: `${fx.candidateA.name}的备注`,
        idempotencyKey: `cli-retention-${fx.tag}`,
      },
    });
    dueAt = await makeRetentionDue(fx.campaign.id);
  });

  it("refuses a malformed --now with exit 2", async () => {
    const run = await retention(["--now", "not-a-date"]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("用法");
  });

  it("before the due date lists the campaign as not due and writes nothing", async () => {
    const before = await snapshot(fx);
    const run = await retention(["--apply", "--now", new Date(dueAt.getTime() - 1000).toISOString()]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`${fx.campaign.name}：未到期（${beijingDay(dueAt)} 到期）`);
    expect(await snapshot(fx)).toEqual(before);
  });

  it("prints the due date as a Beijing day: a period ending at Beijing midnight is not shown as the day before", async () => {
    // move the windows so that the period ends at the next Beijing midnight (16:00 UTC the day before)
    const midnight = startOfBeijingDay(addDaysToDay(beijingDay(dueAt), 1));
    const shiftMs = midnight.getTime() - dueAt.getTime();
    const shiftWindows = (ms: number) =>
      db().$executeRaw`
        UPDATE "PhaseWindow"
           SET "opensAt" = "opensAt" + ${ms} * interval '1 millisecond',
               "closesAt" = "closesAt" + ${ms} * interval '1 millisecond'
         WHERE "campaignId" = ${fx.campaign.id}`;
    await shiftWindows(shiftMs);
    try {
      const run = await retention(["--now", dueAt.toISOString()]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toContain(`${fx.campaign.name}：未到期（${beijingDay(midnight)} 到期）`);
    } finally {
      await shiftWindows(-shiftMs);
    }
  });

  it("the dry run lists what would be anonymised and writes nothing", async () => {
    const before = await snapshot(fx);
    const run = await retention(["--now", dueAt.toISOString()]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("保留期满 1 个");
    expect(run.stdout).toContain(`${fx.campaign.name}：将匿名：考生 2，回访记录备注 1`);
    expect(run.stdout).toContain("预览（未写入）");
    expect(await snapshot(fx)).toEqual(before);

    const json = await retention(["--now", dueAt.toISOString(), "--json"]);
    const parsed = JSON.parse(json.stdout) as { apply: boolean; campaigns: { id: string; counts?: object }[] };
    expect(parsed.apply).toBe(false);
    expect(parsed.campaigns.find((c) => c.id === fx.campaign.id)?.counts).toMatchObject({
      candidates: 2,
      contactNotes: 1,
    });
    expect(await snapshot(fx)).toEqual(before);
  });

  it("--apply anonymises the due campaign; a second --apply changes nothing", async () => {
    const run = await retention(["--apply", "--now", dueAt.toISOString()]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${fx.campaign.name}：已匿名：考生 2，回访记录备注 1`);
    const candidates = await db().candidate.findMany({ where: { campaignId: fx.campaign.id } });
    expect(candidates.map((c) => c.name)).toEqual([ANONYMOUS_NAME, ANONYMOUS_NAME]);
    expect(candidates.flatMap((c) => c.phones)).toEqual([]);
    // a system job, no acting user (lib/retention/run.ts), and still on the record
    expect(
      await db().auditLog.findMany({ where: { action: "retention.anonymise", entityId: fx.campaign.id } }),
    ).toEqual([expect.objectContaining({ actorId: null })]);

    const after = await snapshot(fx);
    const again = await retention(["--apply", "--now", dueAt.toISOString()]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`${fx.campaign.name}：已匿名过，没有任何改动`);
    expect(await snapshot(fx)).toEqual(after);
  });
});
