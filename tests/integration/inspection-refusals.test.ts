import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { editContact, logContact, revealPhone } from "@/app/(app)/calls/actions";
import { handBackForLeave, moveCandidate, routeEscalation } from "@/app/(app)/groups/actions";
import { drawSample, recordFinding, reviewQualification } from "@/app/(app)/inspection/actions";
import { claimEscalation, resolveEscalation } from "@/app/(app)/strike/actions";
import { actionDeclaration } from "@/lib/action";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { Week } from "@/lib/time";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  insertLog,
  personWithRoles,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// Inspectors read everything and write only inspection records (the issue; docs/reliability.md #2). Tested with
// a pure INSPECTOR: the demo's data team are inspectors too, and hold the data team's permissions by
// the union of their roles, which says nothing about what an inspector may do.
const actionModules = import.meta.glob<Record<string, unknown>>(["/app/**/actions.ts", "/app/**/*-actions.ts"]);
const INSPECTION_FILE = "/app/(app)/inspection/actions.ts";
// the staff pool's assessments (考核) are recorded by the inspection team too (app/(app)/staff-pool), and so
// are the incident register (app/(app)/inspection/incidents) and the on-site patrols
const INSPECTION_RECORDS_ELSEWHERE: readonly string[] = ["assessment.record", "incident.record", "patrol.record"];

describe("a pure inspector", () => {
  let fx: CallsFixture;
  let inspector: Awaited<ReturnType<typeof personWithRoles>>;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    inspector = await personWithRoles(fx, ["INSPECTOR"]);
    signInAs(inspector);
  });

  /** Everything the refused actions below could have touched. */
  async function everything() {
    const prisma = db();
    return {
      a: await candidateState(fx.candidateA.id),
      b: await candidateState(fx.candidateB.id),
      staff: await prisma.staffProfile.findMany({ where: { campaignId: fx.campaign.id }, orderBy: { id: "asc" } }),
      users: await prisma.user.findMany({ where: { id: { in: fx.people } }, orderBy: { id: "asc" } }),
      imports: await prisma.importBatch.count(),
    };
  }

  it("is refused every action outside the inspection area, whatever it posts", async () => {
    let refused = 0;
    for (const [file, load] of Object.entries(actionModules)) {
      for (const [exportName, run] of Object.entries(await load())) {
        const declaration = actionDeclaration(run);
        if (!declaration) continue;
        const label = `${file}#${exportName} (${declaration.permission})`;
        // ending one's own sessions (退出所有设备) is open to every role and writes no campaign record
        if (ROLES.every((role) => can([role], declaration.permission))) continue;
        // a read an inspector may make writes nothing either (choosing a past campaign to look at)
        if (declaration.permission.endsWith(".view")) continue;
        if (file === INSPECTION_FILE || INSPECTION_RECORDS_ELSEWHERE.includes(declaration.permission)) {
          expect(can(["INSPECTOR"], declaration.permission), label).toBe(true);
          continue;
        }
        expect(can(["INSPECTOR"], declaration.permission), label).toBe(false);
        expect(await (run as (input: unknown) => Promise<unknown>)({}), label).toMatchObject({
          ok: false,
          code: "FORBIDDEN",
        });
        refused++;
      }
    }
    expect(refused).toBeGreaterThanOrEqual(10);
    expect(await auditCount(fx)).toBe(0);
  });

  it("cannot log, correct or reveal on a candidate, route an escalation, move candidates or claim for the strike team", async () => {
    const log = await insertLog(fx, {
      candidateId: fx.candidateA.id,
      callerId: fx.users.callerA.id,
      phase: 4,
      startedAt: new Date(),
      outcome: "CONSULTED",
    });
    const escalation = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "PHONE_OFF",
        fromUserId: fx.users.callerA.id,
      },
    });
    const forwarded = await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateB.id,
        reason: "REGRETTED",
        fromUserId: fx.users.callerB.id,
        toTeam: "STRIKE",
        status: "FORWARDED",
      },
    });
    const before = await everything();
    const attempts = [
      logContact({
        candidateId: fx.candidateA.id,
        idempotencyKey: randomUUID(),
        channel: "PHONE",
        durationSeconds: "60",
        outcome: "ENROLLED",
      }),
      editContact({ logId: log.id, channel: "SMS", durationSeconds: "1" }),
      revealPhone({ candidateId: fx.candidateA.id, index: 0 }),
      routeEscalation({ escalationId: escalation.id, version: "0", decision: "forward" }),
      moveCandidate({ candidateId: fx.candidateA.id, toCallerId: fx.users.leaderA.id, version: "0" }),
      handBackForLeave({ callerId: fx.users.callerA.id }),
      claimEscalation({ escalationId: forwarded.id }),
      resolveEscalation({ escalationId: forwarded.id, outcome: "LOST", note: "x" }),
    ];
    for (const result of await Promise.all(attempts)) {
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(JSON.stringify(result)).not.toContain("13911112222");
    }
    expect(await everything()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("does write inspection records: a draw, a finding, a qualification review", async () => {
    await insertLog(fx, {
      candidateId: fx.candidateA.id,
      callerId: fx.users.callerA.id,
      phase: 4,
      startedAt: new Date(Date.now() - 60_000),
      outcome: "CONSULTED",
    });
    expect(await drawSample({ week: Week.of(new Date(Date.now() - 60_000)) })).toMatchObject({ ok: true });
    expect(
      await recordFinding({ callerId: fx.users.callerA.id, kind: "FALSE_PROMISE", description: "承诺包分专业" }),
    ).toMatchObject({ ok: true });
    const profile = await db().staffProfile.findFirstOrThrow({ where: { userId: fx.users.callerB.id } });
    expect(await reviewQualification({ profileId: profile.id, decision: "APPROVED" })).toMatchObject({ ok: true });
    expect(await auditCount(fx, { actorId: inspector.id })).toBe(3);
  });
});
