import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CallerInput, computePayouts, type GroupInput } from "./index";

// Any valid caller: enrolled <= admitted <= assigned, workload anywhere, any penalty.
const penaltiesArb = fc.record({
  overtimeFen: fc.integer({ min: 0, max: 500_000 }),
  mistakenWithdrawal: fc.boolean(),
  fraudPercent: fc.oneof(fc.constant(0), fc.integer({ min: 20, max: 100 })),
});

const figuresArb = fc
  .integer({ min: 0, max: 300 })
  .chain((assigned) => fc.tuple(fc.constant(assigned), fc.integer({ min: 0, max: assigned })))
  .chain(([assigned, admitted]) =>
    fc.record({
      assigned: fc.constant(assigned),
      admitted: fc.constant(admitted),
      enrolled: fc.integer({ min: 0, max: admitted }),
      contacts: fc.integer({ min: 0, max: 1500 }),
      minutes: fc.oneof(
        fc.integer({ min: 0, max: 7000 }),
        fc.double({ min: 0, max: 7000, noNaN: true, noDefaultInfinity: true }),
      ),
    }),
  );

const campaignArb = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.tuple(figuresArb, penaltiesArb, fc.nat()), { minLength: 1, maxLength: 12 }),
  )
  .map(([groupCount, rows]) => {
    const callers: CallerInput[] = rows.map(([figures, penalties, pick], index) => ({
      callerId: `c${index}`,
      groupId: `g${pick % groupCount}`,
      ...figures,
      ...penalties,
    }));
    const groups: GroupInput[] = Array.from({ length: groupCount }, (_, g) => ({
      groupId: `g${g}`,
      leaderId: callers.find((c) => c.groupId === `g${g}`)?.callerId ?? `leader${g}`,
    }));
    return { callers, groups };
  });

function single(caller: CallerInput) {
  const result = computePayouts({ callers: [caller], groups: [{ groupId: "g", leaderId: "x" }] });
  const only = result.callers[0];
  if (only === undefined) {
    throw new Error("no payout");
  }
  return only;
}

describe("properties", () => {
  it("never pays a negative or fractional amount", () => {
    fc.assert(
      fc.property(campaignArb, (input) => {
        const result = computePayouts(input);
        const amounts = [
          result.totalFen,
          ...result.callers.flatMap((c) => [c.perStudentFen, c.subsidyFen, c.overtimeFen]),
          ...result.groups.map((g) => g.leaderBonusFen),
        ];
        for (const amount of amounts) {
          expect(Number.isSafeInteger(amount)).toBe(true);
          expect(amount).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it("totals equal the sum of the parts, and every part is stated in the steps", () => {
    fc.assert(
      fc.property(campaignArb, (input) => {
        const result = computePayouts(input);
        let sum = 0;
        for (const caller of result.callers) {
          sum += caller.subsidyFen + caller.overtimeFen;
          expect(caller.steps).toContainEqual({ kind: "phoneSubsidy", subsidyFen: caller.subsidyFen });
          expect(caller.steps).toContainEqual({ kind: "overtime", overtimeFen: caller.overtimeFen });
          expect(caller.steps.at(-1 - countLeaderSteps(caller.callerId, input.groups))).toEqual({
            kind: "callerTotal",
            subsidyFen: caller.subsidyFen,
            overtimeFen: caller.overtimeFen,
            totalFen: caller.subsidyFen + caller.overtimeFen,
          });
        }
        for (const group of result.groups) {
          sum += group.leaderBonusFen;
          expect(group.steps.at(-1)).toEqual({
            kind: "leaderBonus",
            leaderId: group.leaderId,
            bonusFen: group.leaderBonusFen,
          });
        }
        expect(result.totalFen).toBe(sum);
      }),
    );
  });

  it("never pays less when one more admitted candidate enrolls (workload met)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }).chain((admitted) =>
          fc.record({
            admitted: fc.constant(admitted),
            enrolled: fc.integer({ min: 0, max: admitted - 1 }),
            extraAssigned: fc.integer({ min: 0, max: 50 }),
            extraContacts: fc.integer({ min: 0, max: 50 }),
          }),
        ),
        penaltiesArb,
        ({ admitted, enrolled, extraAssigned, extraContacts }, penalties) => {
          const assigned = admitted + extraAssigned;
          const before: CallerInput = {
            callerId: "c",
            groupId: "g",
            assigned,
            admitted,
            enrolled,
            contacts: 4 * assigned + extraContacts,
            minutes: 20 * assigned,
            ...penalties,
          };
          const now = single(before);
          const next = single({ ...before, enrolled: enrolled + 1 });
          expect(now.meetsMinimumWorkload).toBe(true);
          expect(next.subsidyFen).toBeGreaterThanOrEqual(now.subsidyFen);
          expect(next.perStudentFen).toBeGreaterThanOrEqual(now.perStudentFen);
        },
      ),
    );
  });

  it("floors the rate to permille", () => {
    fc.assert(
      fc.property(figuresArb, (figures) => {
        fc.pre(figures.admitted > 0);
        const { ratePermille } = single({ callerId: "c", groupId: "g", ...figures });
        if (ratePermille === null) {
          throw new Error("rate expected");
        }
        // floor: r × admitted <= enrolled × 1000 < (r + 1) × admitted
        expect(ratePermille * figures.admitted).toBeLessThanOrEqual(figures.enrolled * 1000);
        expect(figures.enrolled * 1000).toBeLessThan((ratePermille + 1) * figures.admitted);
      }),
    );
  });

  it("is continuous from 93% to 99%: each permille adds exactly one 0.50 元 step", () => {
    // By hand from the table and the step rule: 93.0% -> 55 + 10 × 0.5 = 60 元, then every 0.1 point
    // adds 0.5 元 whatever the tier (94.0% -> 60 + 5 = 65 = the >94% tier's base, and so on), so for
    // 930‰ <= r < 990‰: standard = 60 元 + (r - 930) × 0.50 元.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }).chain((admitted) => {
          const lowest = Math.ceil((930 * admitted) / 1000);
          const highest = Math.ceil((990 * admitted) / 1000) - 1;
          return fc.record({
            admitted: fc.constant(admitted),
            enrolled: highest >= lowest ? fc.integer({ min: lowest, max: highest }) : fc.constant(-1),
          });
        }),
        ({ admitted, enrolled }) => {
          fc.pre(enrolled >= 0);
          const payout = single({
            callerId: "c",
            groupId: "g",
            assigned: admitted,
            admitted,
            enrolled,
            contacts: 4 * admitted,
            minutes: 20 * admitted,
          });
          const rate = payout.ratePermille ?? -1;
          expect(rate).toBeGreaterThanOrEqual(930);
          expect(rate).toBeLessThan(990);
          expect(payout.perStudentFen).toBe(6000 + (rate - 930) * 50);
        },
      ),
    );
  });

  it("ranks the bottom: everyone outside it has a strictly higher rate than everyone in it", () => {
    fc.assert(
      fc.property(campaignArb, (input) => {
        const result = computePayouts(input);
        const rated = input.callers.filter((c) => c.admitted > 0);
        const bottom = rated.filter((c) => isBottom(result.callers, c.callerId));
        const others = rated.filter((c) => !isBottom(result.callers, c.callerId));
        expect(bottom.length).toBeGreaterThanOrEqual(Math.min(3, rated.length));
        for (const low of bottom) {
          for (const high of others) {
            expect(high.enrolled * low.admitted).toBeGreaterThan(low.enrolled * high.admitted);
          }
        }
        // Without the block tied at the highest rate in it, the bottom holds fewer than 3: the cut-off
        // is the third place itself, ties included, and nobody above it.
        const tiedAtCutoff = bottom.filter((c) =>
          bottom.every((o) => c.enrolled * o.admitted >= o.enrolled * c.admitted),
        );
        expect(bottom.length - tiedAtCutoff.length).toBeLessThan(3);
        for (const caller of input.callers.filter((c) => c.admitted === 0)) {
          expect(isBottom(result.callers, caller.callerId)).toBe(false);
        }
      }),
    );
  });
});

function isBottom(callers: { callerId: string; inBottomRank: boolean }[], id: string): boolean {
  return callers.some((c) => c.callerId === id && c.inBottomRank);
}

function countLeaderSteps(callerId: string, groups: readonly GroupInput[]): number {
  return groups.filter((g) => g.leaderId === callerId).length;
}
