import { describe, expect, it } from "vitest";
import type { PoolStatus } from "@/generated/prisma/enums";
import { poolAfterReview, poolEntry, type ReviewDecision } from "./pool";

describe("where the qualification review puts a person in the pool", () => {
  const cases: [PoolStatus, ReviewDecision, boolean, ReturnType<typeof poolAfterReview>][] = [
    // an applicant enters the pool, or is turned down
    ["APPLIED", "APPROVED", false, { ok: true, poolStatus: "APPROVED" }],
    ["APPLIED", "REJECTED", false, { ok: true, poolStatus: "REJECTED" }],
    // one turned down can be reviewed again
    ["REJECTED", "APPROVED", false, { ok: true, poolStatus: "APPROVED" }],
    ["REJECTED", "REJECTED", false, { ok: true, poolStatus: "REJECTED" }],
    // a member stays, or leaves the pool only with empty hands
    ["APPROVED", "APPROVED", true, { ok: true, poolStatus: "APPROVED" }],
    ["APPROVED", "REJECTED", false, { ok: true, poolStatus: "REJECTED" }],
    ["APPROVED", "REJECTED", true, { ok: false, refusal: "inspection.errors.holdsCandidates" }],
    // leave and the assessment are past the review
    ["REMOVED", "APPROVED", false, { ok: false, refusal: "inspection.errors.pastReview" }],
    ["REMOVED", "REJECTED", false, { ok: false, refusal: "inspection.errors.pastReview" }],
  ];
  it.each(cases)("%s, decided %s (holds candidates: %s)", (current, decision, holds, expected) => {
    expect(poolAfterReview(current, decision, holds)).toEqual(expected);
  });
});

describe("where a person enters the pool", () => {
  it.each([
    ["EXCELLENT_2023", { poolStatus: "APPROVED", qualification: "APPROVED" }],
    ["PRIOR_2023", { poolStatus: "APPLIED", qualification: "PENDING" }],
    ["VOLUNTEER", { poolStatus: "APPLIED", qualification: "PENDING" }],
    ["RECOMMENDED", { poolStatus: "APPLIED", qualification: "PENDING" }],
    ["STUDENT", { poolStatus: "APPLIED", qualification: "PENDING" }],
    ["LEADER_PICK", { poolStatus: "APPLIED", qualification: "PENDING" }],
  ] as const)("from %s", (source, expected) => {
    expect(poolEntry(source)).toEqual(expected);
  });
});
