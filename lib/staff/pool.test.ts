import { describe, expect, it } from "vitest";
import type { PoolStatus } from "@/generated/prisma/enums";
import {
  poolAfterAssessment,
  poolAfterReview,
  poolEntry,
  type ReviewDecision,
  type ReviewRow,
  reviewOrder,
  reviewTier,
} from "./pool";

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

describe("the review list's order (the plan's priorities)", () => {
  const row = (
    login: string,
    source: ReviewRow["source"],
    qualification: ReviewRow["qualification"],
    more: Partial<ReviewRow> = {},
  ): ReviewRow => ({ login, source, qualification, studentCadre: false, identity: null, ...more });

  it.each([
    ["excellent 2023", row("a", "EXCELLENT_2023", "PENDING"), "PRIOR_2023"],
    ["2023 participant", row("a", "PRIOR_2023", "APPROVED"), "PRIOR_2023"],
    ["2023 participant who is also a cadre", row("a", "PRIOR_2023", "PENDING", { studentCadre: true }), "PRIOR_2023"],
    ["student cadre", row("a", "STUDENT", "PENDING", { studentCadre: true, identity: "STUDENT" }), "STUDENT_CADRE"],
    ["cadre without 身份", row("a", "VOLUNTEER", "PENDING", { studentCadre: true }), "STUDENT_CADRE"],
    [
      "cadre flag on a teacher",
      row("a", "RECOMMENDED", "PENDING", { studentCadre: true, identity: "TEACHER" }),
      "OTHER",
    ],
    ["student, not a cadre", row("a", "STUDENT", "PENDING", { identity: "STUDENT" }), "OTHER"],
    ["teacher volunteer", row("a", "VOLUNTEER", "PENDING", { identity: "TEACHER" }), "OTHER"],
    ["school's pick", row("a", "COLLEGE_PICK", "PENDING"), "OTHER"],
  ] as const)("%s is in tier %s", (_, r, tier) => {
    expect(reviewTier(r)).toBe(tier);
  });

  it("puts 2023's callers first, then student cadres, then the others; pending first within each", () => {
    const rows = [
      row("o-approved", "VOLUNTEER", "APPROVED"),
      row("o-pending", "VOLUNTEER", "PENDING", { identity: "TEACHER" }),
      row("c-approved", "STUDENT", "APPROVED", { studentCadre: true, identity: "STUDENT" }),
      row("c-pending", "STUDENT", "PENDING", { studentCadre: true, identity: "STUDENT" }),
      row("p-rejected", "PRIOR_2023", "REJECTED"),
      row("p-approved", "PRIOR_2023", "APPROVED"),
      row("e-approved", "EXCELLENT_2023", "APPROVED"),
      row("p-pending", "PRIOR_2023", "PENDING"),
      row("o-rejected", "RECOMMENDED", "REJECTED"),
      row("e-pending", "EXCELLENT_2023", "PENDING"),
    ];
    expect(reviewOrder(rows, (r) => r).map((r) => r.login)).toEqual([
      "e-pending",
      "p-pending",
      "p-rejected",
      "e-approved",
      "p-approved",
      "c-pending",
      "c-approved",
      "o-pending",
      "o-rejected",
      "o-approved",
    ]);
  });

  it("orders by login within the same place, and leaves its input alone", () => {
    const rows = [row("b", "VOLUNTEER", "PENDING"), row("a", "STUDENT", "PENDING")];
    expect(reviewOrder(rows, (r) => r).map((r) => r.login)).toEqual(["a", "b"]);
    expect(rows.map((r) => r.login)).toEqual(["b", "a"]);
  });
});

describe("where an assessment puts a person", () => {
  const cases: [PoolStatus, boolean, ReturnType<typeof poolAfterAssessment>][] = [
    // failing removes anyone still in or waiting for the pool, and their candidates go back to the group
    ["APPROVED", false, { poolStatus: "REMOVED", handBack: true }],
    ["APPLIED", false, { poolStatus: "REMOVED", handBack: true }],
    ["REJECTED", false, { poolStatus: "REMOVED", handBack: true }],
    // removed already: a second failure changes nothing
    ["REMOVED", false, { poolStatus: "REMOVED", handBack: false }],
    // passing changes nothing: it neither admits an applicant nor brings a removed person back
    ["APPROVED", true, { poolStatus: "APPROVED", handBack: false }],
    ["APPLIED", true, { poolStatus: "APPLIED", handBack: false }],
    ["REJECTED", true, { poolStatus: "REJECTED", handBack: false }],
    ["REMOVED", true, { poolStatus: "REMOVED", handBack: false }],
  ];
  it.each(cases)("%s, passed: %s", (current, passed, expected) => {
    expect(poolAfterAssessment(current, passed)).toEqual(expected);
  });
});
