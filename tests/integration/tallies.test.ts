import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildCallsFixture } from "../support/calls-fixtures";

// The dashboards read tallies kept by statement triggers on Candidate (migration
// 20261127054000_candidate_tally_per_statement, one pass over the transition tables since
// 20261203133608_tally_one_pass). Whatever mix of multi-row inserts, updates and deletes a list import
// or a leader's hand-back sends, the tallies must equal a rebuild from the base rows: the dashboard tally
// and the credit tally the payouts count (migration 20261203110000_credit_tally).

async function creditTallies(campaignId: string) {
  const rows = await db().creditTally.findMany({ where: { campaignId }, orderBy: { callerId: "asc" } });
  return rows
    .filter((r) =>
      [
        r.assigned,
        r.admitted,
        r.enrolled,
        r.claimedEnrolled,
        r.declined,
        r.creditMovedAway,
        r.creditHeldForOthers,
      ].some((n) => n !== 0),
    )
    .map(({ campaignId: _, ...counts }) => counts);
}

/** The credit tally's figures counted from the candidates themselves, as the payouts define them. */
async function creditCounted(campaignId: string) {
  const rows = await db().$queryRaw<Record<string, bigint | string>[]>`
    WITH counts AS (
      SELECT c."creditCallerId" AS "callerId", 1 AS assigned, c.admitted::int AS admitted,
             (c.admitted AND c."enrollmentRecord" IS NOT NULL)::int AS enrolled,
             (c.admitted AND c.enrollment = 'ENROLLED')::int AS "claimedEnrolled",
             (c.admitted AND c.decline = 'APPROVED')::int AS declined,
             (c.admitted AND c."assignedCallerId" IS DISTINCT FROM c."creditCallerId")::int AS "creditMovedAway",
             0 AS "creditHeldForOthers"
      FROM "Candidate" c WHERE c."campaignId" = ${campaignId} AND c."creditCallerId" IS NOT NULL
      UNION ALL
      SELECT c."assignedCallerId", 0, 0, 0, 0, 0, 0, 1
      FROM "Candidate" c
      WHERE c."campaignId" = ${campaignId} AND c.admitted AND c."assignedCallerId" IS NOT NULL
        AND c."creditCallerId" IS DISTINCT FROM c."assignedCallerId"
    )
    SELECT "callerId", sum(assigned) AS assigned, sum(admitted) AS admitted, sum(enrolled) AS enrolled,
           sum("claimedEnrolled") AS "claimedEnrolled", sum(declined) AS declined,
           sum("creditMovedAway") AS "creditMovedAway", sum("creditHeldForOthers") AS "creditHeldForOthers"
    FROM counts GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, k === "callerId" ? v : Number(v)])));
}

async function candidateTallies(campaignId: string) {
  const rows = await db().candidateTally.findMany({
    where: { campaignId },
    orderBy: [{ groupId: "asc" }, { callerId: "asc" }],
  });
  // a tally row whose candidates all left stays at zero; a rebuild does not create it
  return rows.filter((r) =>
    [r.assigned, r.firstChoice, r.admitted, r.paid, r.enrolled, r.confirmed, r.neverContacted, r.reached].some(
      (n) => n !== 0,
    ),
  );
}

const statement = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), count: fc.integer({ min: 1, max: 40 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant("admit" as const), every: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ kind: fc.constant("enrol" as const), every: fc.integer({ min: 2, max: 4 }) }),
  // a 报到 list records some enrollments (and, being the full list to date, drops others)
  fc.record({ kind: fc.constant("record" as const), every: fc.integer({ min: 2, max: 4 }), on: fc.boolean() }),
  fc.record({ kind: fc.constant("move" as const), every: fc.integer({ min: 2, max: 5 }) }),
  // a move for leave carries the credit with the candidate
  fc.record({ kind: fc.constant("credit" as const), every: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ kind: fc.constant("decline" as const), every: fc.integer({ min: 2, max: 5 }), on: fc.boolean() }),
  fc.record({ kind: fc.constant("contact" as const), every: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ kind: fc.constant("touch" as const) }),
  fc.record({ kind: fc.constant("delete" as const), every: fc.integer({ min: 3, max: 7 }) }),
);

describe("candidate and credit tallies kept per statement", () => {
  it("equal a rebuild from the base rows after any sequence of multi-row writes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(statement, { minLength: 1, maxLength: 8 }), async (statements) => {
        const fx = await buildCallsFixture({ openPhase: 4 });
        const campaignId = fx.campaign.id;
        const callers = [fx.users.callerA.id, fx.users.leaderA.id, fx.users.callerB.id];
        let serial = 0;
        const ids = async () =>
          (await db().candidate.findMany({ where: { campaignId }, select: { id: true }, orderBy: { id: "asc" } })).map(
            (c) => c.id,
          );
        const everyNth = async (n: number) => (await ids()).filter((_, i) => i % n === 0);

        for (const s of statements) {
          if (s.kind === "insert") {
            await db().candidate.createMany({
              data: Array.from({ length: s.count }, (_, i) => {
                serial += 1;
                const caller = callers[(s.seed + i) % callers.length] ?? null;
                return {
                  campaignId,
                  examNo: `${fx.tag}${String(serial).padStart(6, "0")}`,
                  name: `考生${serial}`,
                  region: "成都",
                  groupId: caller === fx.users.callerB.id ? fx.groupB.id : fx.groupA.id,
                  assignedCallerId: (s.seed + i) % 7 === 0 ? null : caller,
                  intent: (s.seed + i) % 3 === 0 ? ("FIRST_CHOICE" as const) : null,
                  admitted: (s.seed + i) % 2 === 0,
                };
              }),
            });
          } else if (s.kind === "admit") {
            await db().candidate.updateMany({
              where: { id: { in: await everyNth(s.every) } },
              data: { admitted: true, paid: true },
            });
          } else if (s.kind === "enrol") {
            await db().candidate.updateMany({
              where: { id: { in: await everyNth(s.every) }, admitted: true },
              data: { enrollment: "ENROLLED" },
            });
          } else if (s.kind === "record") {
            await db().candidate.updateMany({
              where: { id: { in: await everyNth(s.every) } },
              data: { enrollmentRecord: s.on ? "LIST" : null },
            });
          } else if (s.kind === "move") {
            await db().candidate.updateMany({
              where: { id: { in: await everyNth(s.every) } },
              data: { groupId: fx.groupB.id, assignedCallerId: fx.users.callerB.id },
            });
          } else if (s.kind === "credit") {
            await db().candidate.updateMany({
              where: { id: { in: await everyNth(s.every) } },
              data: { creditCallerId: fx.users.callerB.id },
            });
          } else if (s.kind === "decline") {
            await db().candidate.updateMany({
              where: { id: { in: await everyNth(s.every) } },
              data: { decline: s.on ? "APPROVED" : "NONE" },
            });
          } else if (s.kind === "contact") {
            const chosen = await everyNth(s.every);
            await db().contactLog.createMany({
              data: chosen.map((candidateId, i) => ({
                campaignId,
                candidateId,
                callerId: fx.users.callerA.id,
                phase: 4,
                channel: "PHONE" as const,
                startedAt: fx.now,
                durationSeconds: 60,
                outcome: i % 2 === 0 ? "ENROLLED" : "UNREACHABLE_PHONE_OFF",
                idempotencyKey: `${fx.tag}-${s.every}-${serial++}-${i}`,
              })),
            });
            await db().candidate.updateMany({ where: { id: { in: chosen } }, data: { lastContactAt: fx.now } });
          } else if (s.kind === "touch") {
            // what logging a contact does to every candidate row: nothing the tallies count
            await db().candidate.updateMany({ where: { campaignId }, data: { version: { increment: 1 } } });
          } else {
            await db().candidate.deleteMany({ where: { id: { in: await everyNth(s.every) } } });
          }
        }

        const kept = await candidateTallies(campaignId);
        // the credit tally against the candidates counted directly, before and after a rebuild
        expect(await creditTallies(campaignId)).toEqual(await creditCounted(campaignId));
        await db().$executeRaw`SELECT dashboard_rebuild_candidate_tally(${campaignId})`;
        await db().$executeRaw`SELECT dashboard_rebuild_credit_tally(${campaignId})`;
        expect(kept).toEqual(await candidateTallies(campaignId));
        expect(await creditTallies(campaignId)).toEqual(await creditCounted(campaignId));
      }),
      {
        numRuns: 12,
        // besides the random ones: a list, then every kind of change over admitted and not admitted rows
        examples: [
          [
            [
              { kind: "insert", count: 30, seed: 1 },
              { kind: "move", every: 3 },
              { kind: "credit", every: 4 },
              { kind: "decline", every: 2, on: true },
              { kind: "record", every: 3, on: true },
              { kind: "enrol", every: 2 },
              { kind: "admit", every: 4 },
              { kind: "delete", every: 5 },
            ],
          ],
        ],
      },
    );
  });
});

// The dashboards' money comes from the payout projection kept at the campaign's money version
// (lib/payouts/kept.ts, migration 20261203100000_kept_payout_projection). Whatever writes that move money
// come between two reads, and in whatever order, the kept projection must equal a fresh computation.

const moneyWrite = fc.oneof(
  fc.record({ kind: fc.constant("import" as const), count: fc.integer({ min: 1, max: 30 }), seed: fc.nat() }),
  fc.record({ kind: fc.constant("admit" as const), every: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ kind: fc.constant("claim" as const), every: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ kind: fc.constant("confirm" as const), every: fc.integer({ min: 2, max: 4 }), on: fc.boolean() }),
  fc.record({ kind: fc.constant("decline" as const), every: fc.integer({ min: 3, max: 6 }) }),
  fc.record({ kind: fc.constant("move" as const), every: fc.integer({ min: 2, max: 5 }), credit: fc.boolean() }),
  fc.record({ kind: fc.constant("contact" as const), every: fc.integer({ min: 1, max: 3 }), seconds: fc.nat(1800) }),
  fc.record({
    kind: fc.constant("finding" as const),
    fraud: fc.integer({ min: 20, max: 100 }),
    mistaken: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("overtime" as const), fen: fc.integer({ min: 0, max: 50_000 }) }),
  fc.record({ kind: fc.constant("leader" as const), swap: fc.boolean() }),
  // a caller taken out of their group is no longer paid as a caller, and put back
  fc.record({ kind: fc.constant("placement" as const), placed: fc.boolean() }),
  fc.record({ kind: fc.constant("registration" as const), fenPerPoint: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ kind: fc.constant("policy" as const), fenPerStudent: fc.integer({ min: 4_000, max: 12_000 }) }),
  fc.record({ kind: fc.constant("delete" as const), every: fc.integer({ min: 3, max: 7 }) }),
);

describe("the payout projection kept at the money version", () => {
  it("equals a fresh computation after any sequence of writes that move money, read between them", async () => {
    const { projectPayouts } = await import("@/lib/payouts");
    const { keptPayouts } = await import("@/lib/payouts/kept");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ write: moneyWrite, readAfter: fc.boolean() }), { minLength: 1, maxLength: 8 }),
        async (steps) => {
          const fx = await buildCallsFixture({ openPhase: 4 });
          const campaignId = fx.campaign.id;
          const groupIds = [fx.groupA.id, fx.groupB.id];
          const callers = [fx.users.callerA.id, fx.users.leaderA.id, fx.users.callerB.id, fx.users.leaderB.id];
          let serial = 0;
          const everyNth = async (n: number) =>
            (await db().candidate.findMany({ where: { campaignId }, select: { id: true }, orderBy: { id: "asc" } }))
              .map((c) => c.id)
              .filter((_, i) => i % n === 0);
          const expectKeptEqualsFresh = async () => {
            const kept = await keptPayouts(campaignId, groupIds);
            const fresh = await projectPayouts(db(), campaignId);
            expect([...kept.callers.values()].sort(byCaller)).toEqual([...fresh.result.callers].sort(byCaller));
            expect([...kept.groups.values()].sort(byGroup)).toEqual([...fresh.result.groups].sort(byGroup));
            expect(kept.totalFen).toBe(fresh.result.totalFen);
            expect(kept.policy).toEqual(fresh.policy);
          };
          await expectKeptEqualsFresh();

          for (const { write: w, readAfter } of steps) {
            if (w.kind === "import") {
              await db().candidate.createMany({
                data: Array.from({ length: w.count }, (_, i) => {
                  serial += 1;
                  const caller = callers[(w.seed + i) % callers.length] as string;
                  const inB = caller === fx.users.callerB.id || caller === fx.users.leaderB.id;
                  return {
                    campaignId,
                    examNo: `${fx.tag}${String(serial).padStart(6, "0")}`,
                    name: `考生${serial}`,
                    region: "成都",
                    groupId: inB ? fx.groupB.id : fx.groupA.id,
                    assignedCallerId: caller,
                    creditCallerId: caller,
                    admitted: (w.seed + i) % 3 !== 0,
                  };
                }),
              });
            } else if (w.kind === "admit") {
              await db().candidate.updateMany({
                where: { id: { in: await everyNth(w.every) } },
                data: { admitted: true },
              });
            } else if (w.kind === "claim") {
              await db().candidate.updateMany({
                where: { id: { in: await everyNth(w.every) }, admitted: true },
                data: { enrollment: "ENROLLED" },
              });
            } else if (w.kind === "confirm") {
              await db().candidate.updateMany({
                where: { id: { in: await everyNth(w.every) } },
                data: { enrollmentRecord: w.on ? "LIST" : null },
              });
            } else if (w.kind === "decline") {
              await db().candidate.updateMany({
                where: { id: { in: await everyNth(w.every) }, admitted: true },
                data: { decline: "APPROVED" },
              });
            } else if (w.kind === "move") {
              // a move for leave carries the credit; any other move leaves it where it was
              await db().candidate.updateMany({
                where: { id: { in: await everyNth(w.every) } },
                data: {
                  groupId: fx.groupB.id,
                  assignedCallerId: fx.users.callerB.id,
                  ...(w.credit ? { creditCallerId: fx.users.callerB.id } : {}),
                },
              });
            } else if (w.kind === "contact") {
              const chosen = await everyNth(w.every);
              await db().contactLog.createMany({
                data: chosen.map((candidateId, i) => ({
                  campaignId,
                  candidateId,
                  callerId: callers[i % callers.length] as string,
                  phase: 4,
                  channel: "PHONE" as const,
                  startedAt: fx.now,
                  durationSeconds: w.seconds,
                  outcome: "CONSULTED",
                  idempotencyKey: `${fx.tag}-money-${serial++}-${i}`,
                })),
              });
            } else if (w.kind === "finding") {
              await db().finding.create({
                data: {
                  campaignId,
                  callerId: fx.users.callerA.id,
                  inspectorId: fx.users.inspector.id,
                  kind: w.mistaken ? "MISTAKEN_WITHDRAWAL" : "FRAUD",
                  deductionPercent: w.mistaken ? null : w.fraud,
                  description: "抽查发现",
                },
              });
            } else if (w.kind === "overtime") {
              await db().staffProfile.updateMany({
                where: { campaignId, userId: fx.users.callerB.id },
                data: { overtimeFen: w.fen },
              });
            } else if (w.kind === "leader") {
              await db().group.update({
                where: { id: fx.groupA.id },
                data: { leaderId: w.swap ? fx.users.callerA.id : fx.users.leaderA.id },
              });
            } else if (w.kind === "placement") {
              await db().staffProfile.updateMany({
                where: { campaignId, userId: fx.users.callerB.id },
                data: { groupId: w.placed ? fx.groupB.id : null },
              });
            } else if (w.kind === "registration") {
              serial += 1;
              const prospect = await db().prospect.create({ data: { campaignId, name: `意向${serial}` } });
              await db().sourceRegistration.create({
                data: {
                  campaignId,
                  prospectId: prospect.id,
                  registrarId: fx.users.callerA.id,
                  registeredOn: fx.now,
                  number: `${fx.tag}-reg-${serial}`,
                },
              });
              await db().campaign.update({
                where: { id: campaignId },
                data: { prospectPolicy: { pointsPerRegistration: 1, fenPerPoint: w.fenPerPoint } },
              });
            } else if (w.kind === "policy") {
              const campaign = await db().campaign.findUniqueOrThrow({ where: { id: campaignId } });
              const policy = campaign.subsidyPolicy as { tiers: { fenPerStudent: number }[] };
              await db().campaign.update({
                where: { id: campaignId },
                data: {
                  subsidyPolicy: {
                    ...policy,
                    tiers: policy.tiers.map((t, i) => (i === 0 ? { ...t, fenPerStudent: w.fenPerStudent } : t)),
                  },
                },
              });
            } else {
              await db().candidate.deleteMany({ where: { id: { in: await everyNth(w.every) } } });
            }
            if (readAfter) await expectKeptEqualsFresh();
          }
          await expectKeptEqualsFresh();
        },
      ),
      { numRuns: 12 },
    );
  });

  it("gives every reader the new figures when several read a stale projection at once, under one lock", async () => {
    const { projectPayouts } = await import("@/lib/payouts");
    const { keptPayouts } = await import("@/lib/payouts/kept");
    const fx = await buildCallsFixture({ openPhase: 4 });
    await keptPayouts(fx.campaign.id, [fx.groupA.id]);
    await db().staffProfile.updateMany({
      where: { campaignId: fx.campaign.id, userId: fx.users.callerA.id },
      data: { overtimeFen: 12_300 },
    });
    const before = await db().payoutProjection.findUniqueOrThrow({ where: { campaignId: fx.campaign.id } });
    const reads = await Promise.all(Array.from({ length: 6 }, () => keptPayouts(fx.campaign.id, [fx.groupA.id])));
    const after = await db().payoutProjection.findUniqueOrThrow({ where: { campaignId: fx.campaign.id } });
    expect(after.version).toBe(before.version + 1n);
    expect(after.computedAt.getTime()).toBeGreaterThan(before.computedAt.getTime());
    const fresh = (await projectPayouts(db(), fx.campaign.id)).result.callers.find(
      (c) => c.callerId === fx.users.callerA.id,
    );
    expect(fresh?.steps).toContainEqual({ kind: "overtimeEntered", overtimeFen: 12_300 });
    for (const read of reads) expect(read.callers.get(fx.users.callerA.id)).toEqual(fresh);
  });
});

const byCaller = (a: { callerId: string }, b: { callerId: string }) => (a.callerId < b.callerId ? -1 : 1);
const byGroup = (a: { groupId: string }, b: { groupId: string }) => (a.groupId < b.groupId ? -1 : 1);
