import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildCallsFixture } from "../support/calls-fixtures";

// The dashboards read tallies kept by statement triggers on Candidate (migration
// 20261127054000_candidate_tally_per_statement). Whatever mix of multi-row inserts, updates and deletes
// a list import or a leader's hand-back sends, the tallies must equal a rebuild from the base rows.

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
  fc.record({ kind: fc.constant("contact" as const), every: fc.integer({ min: 2, max: 5 }) }),
  fc.record({ kind: fc.constant("touch" as const) }),
  fc.record({ kind: fc.constant("delete" as const), every: fc.integer({ min: 3, max: 7 }) }),
);

describe("candidate tallies kept per statement", () => {
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
        await db().$executeRaw`SELECT dashboard_rebuild_candidate_tally(${campaignId})`;
        expect(kept).toEqual(await candidateTallies(campaignId));
      }),
      { numRuns: 12 },
    );
  });
});
