import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { EscalationReason } from "@/generated/prisma/enums";
import { beijingDay } from "@/lib/time";
import {
  OUTCOMES_BY_PHASE,
  type Outcome,
  PHASES,
  type Phase,
  type PhaseWindowLike,
  UNREACHABLE_OUTCOMES,
} from "./phases";
import { DEFAULT_WORKFLOW_POLICY } from "./policy";
import {
  allowedOutcomes,
  type CandidateStatus,
  candidateStage,
  cleanupContactAllowed,
  cleanupPeriod,
  editRefusal,
  enrollmentWindowClosed,
  escalatesAutomatically,
  escalationReasonFor,
  inCleanupPeriod,
  isUnreachable,
  loggingCheck,
  MANUAL_ESCALATION_REASONS,
  nextStep,
  OPEN_ESCALATION_STATUSES,
  outcomeDetailsError,
  outcomeEffect,
  resultEscalation,
  sortTodo,
  TODO_ORDER,
  type TodoInput,
  type TodoReason,
  todoReason,
  unreachableCountdown,
  unreachableEscalationDue,
  unreachableStreak,
  WITHDRAWAL_CHECKLIST,
  withdrawalReady,
} from "./rules";

/** A candidate as the 投档 list creates them: nothing recorded yet. */
const fresh: CandidateStatus = {
  intent: null,
  withdrawal: "NONE",
  decline: "NONE",
  admitted: false,
  comeIntent: null,
  paid: false,
  dormChosen: false,
  busBooked: false,
  masterInterest: false,
  enrollment: "PENDING",
};
const status = (patch: Partial<CandidateStatus> = {}): CandidateStatus => ({ ...fresh, ...patch });
const admitted = (patch: Partial<CandidateStatus> = {}) => status({ admitted: true, ...patch });

// The expected lists, written out rather than derived from OUTCOMES_BY_PHASE.
const UNREACHABLE = [
  "UNREACHABLE_PHONE_OFF",
  "UNREACHABLE_SUSPENDED",
  "UNREACHABLE_WRONG_NUMBER",
  "UNREACHABLE_REFUSED",
] as const;
const PHASE_1 = ["GUIDED", "REGISTERED", "NOT_INTERESTED", "CONSULTED", ...UNREACHABLE];
const PHASE_2_WITH_WITHDRAWAL = [
  "INTENT_FIRST_CHOICE",
  "INTENT_HESITANT",
  "INTENT_NOT_FIRST_CHOICE",
  "WITHDRAWAL_AGREED",
  "WITHDRAWAL_REFUSED",
  "CONSULTED",
  ...UNREACHABLE,
];
const PHASE_2_NO_WITHDRAWAL = [
  "INTENT_FIRST_CHOICE",
  "INTENT_HESITANT",
  "INTENT_NOT_FIRST_CHOICE",
  "CONSULTED",
  ...UNREACHABLE,
];
const PHASE_3_ALL = [
  "WILL_COME",
  "COME_HESITANT",
  "WILL_NOT_COME",
  "PAID",
  "DORM_CHOSEN",
  "BUS_BOOKED",
  "MASTER_INTEREST",
  "CONSULTED",
  ...UNREACHABLE,
];
const PHASE_4_ALL = ["ENROLLED", "NOT_ENROLLED", "REGRETTED", "CONSULTED", ...UNREACHABLE];

type Case = [label: string, phase: Phase, status: CandidateStatus, expected: readonly string[]];

const allowedCases: Case[] = [
  // phase 1 (志愿填报指导): every guidance result, whatever is recorded; only a withdrawn file has none
  ["1: a new candidate", 1, status(), PHASE_1],
  ["1: intent first choice", 1, status({ intent: "FIRST_CHOICE" }), PHASE_1],
  ["1: intent not first choice", 1, status({ intent: "NOT_FIRST_CHOICE" }), PHASE_1],
  ["1: admitted", 1, admitted(), PHASE_1],
  ["1: withdrawal agreed", 1, status({ withdrawal: "AGREED" }), PHASE_1],
  ["1: withdrawn", 1, status({ withdrawal: "APPROVED" }), []],

  // phase 2 (投档): withdrawal results only for a HESITANT or NOT_FIRST_CHOICE candidate with no withdrawal yet
  ["2: intent not recorded, no withdrawal", 2, status(), PHASE_2_NO_WITHDRAWAL],
  ["2: first choice, no withdrawal", 2, status({ intent: "FIRST_CHOICE" }), PHASE_2_NO_WITHDRAWAL],
  ["2: hesitant, no withdrawal", 2, status({ intent: "HESITANT" }), PHASE_2_WITH_WITHDRAWAL],
  ["2: not first choice, no withdrawal", 2, status({ intent: "NOT_FIRST_CHOICE" }), PHASE_2_WITH_WITHDRAWAL],
  ["2: intent not recorded, withdrawal agreed", 2, status({ withdrawal: "AGREED" }), PHASE_2_NO_WITHDRAWAL],
  ["2: intent not recorded, submitted", 2, status({ withdrawal: "SUBMITTED" }), PHASE_2_NO_WITHDRAWAL],
  ["2: intent not recorded, sent back", 2, status({ withdrawal: "SENT_BACK" }), PHASE_2_NO_WITHDRAWAL],
  [
    "2: first choice, withdrawal agreed",
    2,
    status({ intent: "FIRST_CHOICE", withdrawal: "AGREED" }),
    PHASE_2_NO_WITHDRAWAL,
  ],
  ["2: first choice, submitted", 2, status({ intent: "FIRST_CHOICE", withdrawal: "SUBMITTED" }), PHASE_2_NO_WITHDRAWAL],
  ["2: first choice, sent back", 2, status({ intent: "FIRST_CHOICE", withdrawal: "SENT_BACK" }), PHASE_2_NO_WITHDRAWAL],
  ["2: hesitant, withdrawal agreed", 2, status({ intent: "HESITANT", withdrawal: "AGREED" }), PHASE_2_NO_WITHDRAWAL],
  ["2: hesitant, submitted", 2, status({ intent: "HESITANT", withdrawal: "SUBMITTED" }), PHASE_2_NO_WITHDRAWAL],
  ["2: hesitant, sent back", 2, status({ intent: "HESITANT", withdrawal: "SENT_BACK" }), PHASE_2_NO_WITHDRAWAL],
  [
    "2: not first choice, withdrawal agreed",
    2,
    status({ intent: "NOT_FIRST_CHOICE", withdrawal: "AGREED" }),
    PHASE_2_NO_WITHDRAWAL,
  ],
  [
    "2: not first choice, submitted",
    2,
    status({ intent: "NOT_FIRST_CHOICE", withdrawal: "SUBMITTED" }),
    PHASE_2_NO_WITHDRAWAL,
  ],
  [
    "2: not first choice, sent back",
    2,
    status({ intent: "NOT_FIRST_CHOICE", withdrawal: "SENT_BACK" }),
    PHASE_2_NO_WITHDRAWAL,
  ],
  ["2: withdrawn (not first choice)", 2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "APPROVED" }), []],
  ["2: withdrawn (hesitant)", 2, status({ intent: "HESITANT", withdrawal: "APPROVED" }), []],

  // phase 3 (录取后): admitted candidates only; a fact already recorded is not offered again
  ["3: not admitted", 3, status(), []],
  ["3: not admitted, first choice", 3, status({ intent: "FIRST_CHOICE" }), []],
  ["3: withdrawn", 3, admitted({ withdrawal: "APPROVED" }), []],
  ["3: admitted, nothing recorded", 3, admitted(), PHASE_3_ALL],
  ["3: admitted, will come (intent can change)", 3, admitted({ comeIntent: "WILL_COME" }), PHASE_3_ALL],
  ["3: admitted, will not come", 3, admitted({ comeIntent: "WILL_NOT_COME" }), PHASE_3_ALL],
  [
    "3: paid",
    3,
    admitted({ paid: true }),
    [
      "WILL_COME",
      "COME_HESITANT",
      "WILL_NOT_COME",
      "DORM_CHOSEN",
      "BUS_BOOKED",
      "MASTER_INTEREST",
      "CONSULTED",
      ...UNREACHABLE,
    ],
  ],
  [
    "3: dorm chosen",
    3,
    admitted({ dormChosen: true }),
    [
      "WILL_COME",
      "COME_HESITANT",
      "WILL_NOT_COME",
      "PAID",
      "BUS_BOOKED",
      "MASTER_INTEREST",
      "CONSULTED",
      ...UNREACHABLE,
    ],
  ],
  [
    "3: bus booked",
    3,
    admitted({ busBooked: true }),
    [
      "WILL_COME",
      "COME_HESITANT",
      "WILL_NOT_COME",
      "PAID",
      "DORM_CHOSEN",
      "MASTER_INTEREST",
      "CONSULTED",
      ...UNREACHABLE,
    ],
  ],
  [
    "3: master interest",
    3,
    admitted({ masterInterest: true }),
    ["WILL_COME", "COME_HESITANT", "WILL_NOT_COME", "PAID", "DORM_CHOSEN", "BUS_BOOKED", "CONSULTED", ...UNREACHABLE],
  ],
  [
    "3: paid, dorm, bus and master all recorded",
    3,
    admitted({ comeIntent: "WILL_COME", paid: true, dormChosen: true, busBooked: true, masterInterest: true }),
    ["WILL_COME", "COME_HESITANT", "WILL_NOT_COME", "CONSULTED", ...UNREACHABLE],
  ],

  // phase 4 (报到): admitted only; an enrolled candidate can only consult; no second no-show
  ["4: not admitted", 4, status(), []],
  ["4: not admitted, enrollment pending", 4, status({ enrollment: "PENDING", comeIntent: "WILL_COME" }), []],
  ["4: withdrawn", 4, admitted({ withdrawal: "APPROVED" }), []],
  ["4: admitted, enrollment pending", 4, admitted(), PHASE_4_ALL],
  [
    "4: paid and will come, pending",
    4,
    admitted({ comeIntent: "WILL_COME", paid: true, dormChosen: true, busBooked: true }),
    PHASE_4_ALL,
  ],
  ["4: will not come, pending", 4, admitted({ comeIntent: "WILL_NOT_COME" }), PHASE_4_ALL],
  ["4: enrolled", 4, admitted({ enrollment: "ENROLLED" }), ["CONSULTED"]],
  ["3: place given up (放弃录取 approved)", 3, admitted({ decline: "APPROVED" }), []],
  ["4: place given up (放弃录取 approved)", 4, admitted({ decline: "APPROVED" }), []],
  ["4: 放弃录取 in review, still persuadable", 4, admitted({ decline: "SUBMITTED" }), PHASE_4_ALL],
  [
    "4: not enrolled",
    4,
    admitted({ enrollment: "NOT_ENROLLED" }),
    ["ENROLLED", "REGRETTED", "CONSULTED", ...UNREACHABLE],
  ],
];

describe("allowedOutcomes", () => {
  it.each(allowedCases)("phase %s", (_, phase, candidate, expected) => {
    expect(allowedOutcomes(phase, candidate)).toEqual(expected);
  });

  const statusArb = fc.record<CandidateStatus>({
    intent: fc.constantFrom(null, "FIRST_CHOICE", "HESITANT", "NOT_FIRST_CHOICE"),
    withdrawal: fc.constantFrom("NONE", "AGREED", "SUBMITTED", "SENT_BACK", "APPROVED"),
    decline: fc.constantFrom("NONE", "AGREED", "SUBMITTED", "SENT_BACK", "APPROVED"),
    admitted: fc.boolean(),
    comeIntent: fc.constantFrom(null, "WILL_COME", "HESITANT", "WILL_NOT_COME"),
    paid: fc.boolean(),
    dormChosen: fc.boolean(),
    busBooked: fc.boolean(),
    masterInterest: fc.boolean(),
    enrollment: fc.constantFrom("PENDING", "ENROLLED", "NOT_ENROLLED"),
  });
  const phaseArb = fc.constantFrom(...PHASES);

  it("offers only results of the phase, never to a withdrawn or declined candidate, and never twice", () => {
    fc.assert(
      fc.property(phaseArb, statusArb, (phase, candidate) => {
        const allowed = allowedOutcomes(phase, candidate);
        const ofPhase: readonly string[] = OUTCOMES_BY_PHASE[phase];
        for (const outcome of allowed) expect(ofPhase).toContain(outcome);
        expect(new Set(allowed).size).toBe(allowed.length);
        if (candidate.withdrawal === "APPROVED" || candidate.decline === "APPROVED") expect(allowed).toEqual([]);
      }),
    );
  });

  it("lets a candidate who can be contacted at all be consulted, and (unless enrolled) be reported unreachable", () => {
    fc.assert(
      fc.property(phaseArb, statusArb, (phase, candidate) => {
        const allowed: readonly string[] = allowedOutcomes(phase, candidate);
        if (allowed.length === 0) return;
        expect(allowed).toContain("CONSULTED");
        if (!(phase === 4 && candidate.enrollment === "ENROLLED")) {
          for (const outcome of UNREACHABLE_OUTCOMES) expect(allowed).toContain(outcome);
        }
      }),
    );
  });
});

describe("escalatesAutomatically: the policy decides for 反悔, 明确不来 and 未报到, the others always go", () => {
  const both = { escalateRegretted: true, escalateWillNotCome: true, escalateNotEnrolled: true };
  const neither = { escalateRegretted: false, escalateWillNotCome: false, escalateNotEnrolled: false };
  it.each<[EscalationReason, typeof both, boolean]>([
    ["REGRETTED", both, true],
    ["REGRETTED", neither, false],
    ["REGRETTED", { ...neither, escalateRegretted: true }, true],
    ["WILL_NOT_COME", both, true],
    ["WILL_NOT_COME", neither, false],
    ["WILL_NOT_COME", { ...neither, escalateWillNotCome: true }, true],
    ["NOT_ENROLLED", both, true],
    ["NOT_ENROLLED", neither, false],
    ["NOT_ENROLLED", { ...neither, escalateNotEnrolled: true }, true],
    ["PHONE_OFF", neither, true],
    ["OTHER", neither, true],
  ])("%s with %o: %s", (reason, policy, expected) => {
    expect(escalatesAutomatically(reason, policy)).toBe(expected);
  });

  it("offers the caller the plan's reasons for raising a candidate by hand", () => {
    expect(MANUAL_ESCALATION_REASONS).toEqual(["DIFFICULT", "PARENT_QUESTIONS", "WILL_NOT_COME", "OTHER"]);
  });
});

describe("outcomeEffect", () => {
  const effects: [Outcome, ReturnType<typeof outcomeEffect>][] = [
    ["GUIDED", { patch: {} }],
    ["REGISTERED", { patch: {} }],
    ["NOT_INTERESTED", { patch: {} }],
    ["CONSULTED", { patch: {} }],
    ["UNREACHABLE_PHONE_OFF", { patch: {} }],
    ["UNREACHABLE_SUSPENDED", { patch: {} }],
    ["UNREACHABLE_WRONG_NUMBER", { patch: {} }],
    ["UNREACHABLE_REFUSED", { patch: {} }],
    ["INTENT_FIRST_CHOICE", { patch: { intent: "FIRST_CHOICE" } }],
    ["INTENT_HESITANT", { patch: { intent: "HESITANT" } }],
    ["INTENT_NOT_FIRST_CHOICE", { patch: { intent: "NOT_FIRST_CHOICE" } }],
    ["WITHDRAWAL_AGREED", { patch: { withdrawal: "AGREED" }, startsWithdrawal: true }],
    ["WITHDRAWAL_REFUSED", { patch: {} }],
    ["WILL_COME", { patch: { comeIntent: "WILL_COME" } }],
    ["COME_HESITANT", { patch: { comeIntent: "HESITANT" } }],
    ["WILL_NOT_COME", { patch: { comeIntent: "WILL_NOT_COME" }, escalate: "WILL_NOT_COME" }],
    ["PAID", { patch: { paid: true } }],
    ["DORM_CHOSEN", { patch: { dormChosen: true } }],
    ["BUS_BOOKED", { patch: { busBooked: true } }],
    ["MASTER_INTEREST", { patch: { masterInterest: true } }],
    ["ENROLLED", { patch: { enrollment: "ENROLLED", noShowReason: null } }],
    ["NOT_ENROLLED", { patch: { enrollment: "NOT_ENROLLED", noShowReason: null } }],
    ["REGRETTED", { patch: { comeIntent: "WILL_NOT_COME" }, escalate: "REGRETTED" }],
  ];

  it.each(effects)("%s", (outcome, expected) => {
    expect(outcomeEffect(outcome)).toEqual(expected);
  });

  it("covers every result of every phase", () => {
    const every = new Set(PHASES.flatMap((p) => [...OUTCOMES_BY_PHASE[p]]));
    expect(new Set(effects.map(([o]) => o))).toEqual(every);
  });

  it("keeps the trimmed no-show reason", () => {
    expect(outcomeEffect("NOT_ENROLLED", { noShowReason: "  外出打工 " }).patch).toEqual({
      enrollment: "NOT_ENROLLED",
      noShowReason: "外出打工",
    });
    expect(outcomeEffect("NOT_ENROLLED", { noShowReason: "   " }).patch.noShowReason).toBeNull();
  });

  it("clears an earlier no-show reason when the candidate enrols after all", () => {
    expect(outcomeEffect("ENROLLED", { noShowReason: "ignored" }).patch).toEqual({
      enrollment: "ENROLLED",
      noShowReason: null,
    });
  });
});

describe("outcomeDetailsError", () => {
  it.each([
    [undefined, "NO_SHOW_REASON_REQUIRED"],
    [null, "NO_SHOW_REASON_REQUIRED"],
    ["", "NO_SHOW_REASON_REQUIRED"],
    ["   ", "NO_SHOW_REASON_REQUIRED"],
    ["复读", null],
  ] as const)("NOT_ENROLLED with reason %j -> %s", (noShowReason, expected) => {
    expect(outcomeDetailsError("NOT_ENROLLED", { noShowReason })).toBe(expected);
  });

  it("asks nothing more of any other result", () => {
    for (const phase of PHASES) {
      for (const outcome of OUTCOMES_BY_PHASE[phase]) {
        if (outcome !== "NOT_ENROLLED") expect(outcomeDetailsError(outcome, {}), outcome).toBeNull();
      }
    }
  });
});

const H = 3_600_000;
const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

// Phase 3 starts after a gap, as the real calendar has one between 投档 and 录取.
const windows: PhaseWindowLike[] = [
  { phase: 1, opensAt: at("2024-03-20T00:00:00Z"), closesAt: at("2024-04-10T00:00:00Z") },
  { phase: 2, opensAt: at("2024-04-10T00:00:00Z"), closesAt: at("2024-04-25T00:00:00Z") },
  { phase: 3, opensAt: at("2024-07-10T00:00:00Z"), closesAt: at("2024-08-01T00:00:00Z") },
  { phase: 4, opensAt: at("2024-08-01T00:00:00Z"), closesAt: at("2024-09-15T00:00:00Z") },
];

describe("loggingCheck", () => {
  const policy = { backdateHours: 24, cleanupDays: 0 };
  const now = at("2024-04-15T10:00:00Z");

  it.each([
    ["a contact just now", now, now, { ok: true, phase: 2, cleanup: false }],
    ["a phone clock 5 minutes ahead", plus(now, 5 * MIN), now, { ok: true, phase: 2, cleanup: false }],
    ["more than 5 minutes in the future", plus(now, 5 * MIN + 1), now, { ok: false, refusal: "IN_FUTURE" }],
    ["exactly at the backdate limit", plus(now, -24 * H), now, { ok: true, phase: 2, cleanup: false }],
    ["one ms past the backdate limit", plus(now, -24 * H - 1), now, { ok: false, refusal: "TOO_OLD" }],
    // a contact made at the end of phase 1, logged after phase 2 opened: phase 1 is read-only now
    [
      "in a phase that has since closed",
      at("2024-04-09T23:00:00Z"),
      at("2024-04-10T05:00:00Z"),
      { ok: false, refusal: "PHASE_CLOSED" },
    ],
    [
      "a contact in the last ms of phase 1, logged in phase 2",
      at("2024-04-09T23:59:59.999Z"),
      at("2024-04-10T05:00:00Z"),
      { ok: false, refusal: "PHASE_CLOSED" },
    ],
    [
      "exactly when the phase opened",
      at("2024-04-10T00:00:00Z"),
      at("2024-04-10T05:00:00Z"),
      { ok: true, phase: 2, cleanup: false },
    ],
    [
      "the last ms of the phase",
      at("2024-04-24T23:59:59.999Z"),
      at("2024-04-24T23:59:59.999Z"),
      { ok: true, phase: 2, cleanup: false },
    ],
    [
      "a contact in the last ms, logged as the phase closes",
      at("2024-04-24T23:59:59.999Z"),
      at("2024-04-25T00:00:00Z"),
      { ok: false, refusal: "PHASE_CLOSED" },
    ],
    [
      "a future time (within skew) past the phase's close",
      at("2024-04-25T00:01:00Z"),
      at("2024-04-24T23:58:00Z"),
      { ok: false, refusal: "PHASE_CLOSED" },
    ],
    ["between phases", at("2024-05-01T00:00:00Z"), at("2024-05-01T00:00:00Z"), { ok: false, refusal: "PHASE_CLOSED" }],
    [
      "at the turn from phase 3 to phase 4",
      at("2024-07-31T23:00:00Z"),
      at("2024-08-01T00:00:00Z"),
      { ok: false, refusal: "PHASE_CLOSED" },
    ],
    [
      "just after phase 4 opened",
      at("2024-08-01T00:00:00Z"),
      at("2024-08-01T00:00:01Z"),
      { ok: true, phase: 4, cleanup: false },
    ],
  ] as [string, Date, Date, unknown][])("%s", (_, startedAt, nowAt, expected) => {
    expect(loggingCheck(startedAt, nowAt, windows, policy)).toEqual(expected);
  });

  it("follows the policy's backdate limit", () => {
    expect(loggingCheck(now, now, windows, { backdateHours: 0, cleanupDays: 0 })).toEqual({
      ok: true,
      phase: 2,
      cleanup: false,
    });
    expect(loggingCheck(plus(now, -1), now, windows, { backdateHours: 0, cleanupDays: 0 })).toEqual({
      ok: false,
      refusal: "TOO_OLD",
    });
    expect(loggingCheck(plus(now, -47 * H), now, windows, { backdateHours: 48, cleanupDays: 0 })).toEqual({
      ok: true,
      phase: 2,
      cleanup: false,
    });
  });

  it("refuses everything when the campaign has no phase windows", () => {
    expect(loggingCheck(now, now, [], policy)).toEqual({ ok: false, refusal: "PHASE_CLOSED" });
  });
});

describe("the clean-up period after the 报到 window", () => {
  // phase 4 closes 2024-09-15T00:00Z; seven clean-up days end 2024-09-22T00:00Z
  const policy = { backdateHours: 24, cleanupDays: 7 };
  const closes = at("2024-09-15T00:00:00Z");
  const ends = at("2024-09-22T00:00:00Z");

  it("starts when the 报到 window closes and lasts the policy's days", () => {
    expect(cleanupPeriod(windows, policy)).toEqual({ opensAt: closes, closesAt: ends });
    expect(cleanupPeriod(windows, { cleanupDays: 0 })).toBeNull();
    expect(cleanupPeriod(windows.slice(0, 3), policy)).toBeNull();
    expect(inCleanupPeriod(windows, policy, plus(closes, -1))).toBe(false);
    expect(inCleanupPeriod(windows, policy, closes)).toBe(true);
    expect(inCleanupPeriod(windows, policy, plus(ends, -1))).toBe(true);
    expect(inCleanupPeriod(windows, policy, ends)).toBe(false);
  });

  it.each([
    ["allowed, just after the close", closes, plus(closes, 1000), true, { ok: true, phase: 4, cleanup: true }],
    ["allowed, on the last ms", plus(ends, -1), plus(ends, -1), true, { ok: true, phase: 4, cleanup: true }],
    ["not allowed", plus(closes, H), plus(closes, H), false, { ok: false, refusal: "CLEANUP_ONLY_ESCALATED" }],
    ["after the period, allowed or not", plus(ends, -H), ends, true, { ok: false, refusal: "CLEANUP_OVER" }],
    // a call made before the close belongs to the 报到 window, which is read-only now
    ["a call from before the close", plus(closes, -H), plus(closes, H), true, { ok: false, refusal: "PHASE_CLOSED" }],
    ["backdated past the limit", plus(closes, H), plus(closes, 26 * H), true, { ok: false, refusal: "TOO_OLD" }],
  ] as [string, Date, Date, boolean, unknown][])("%s", (_, startedAt, nowAt, cleanupAllowed, expected) => {
    expect(loggingCheck(startedAt, nowAt, windows, policy, { cleanupAllowed })).toEqual(expected);
  });

  it("is closed at once when the policy gives no clean-up days", () => {
    expect(
      loggingCheck(
        plus(closes, H),
        plus(closes, H),
        windows,
        { backdateHours: 24, cleanupDays: 0 },
        { cleanupAllowed: true },
      ),
    ).toEqual({
      ok: false,
      refusal: "PHASE_CLOSED",
    });
  });

  const period = { opensAt: closes };
  const open = { status: "FORWARDED" as const, resolvedAt: null };
  const settledBefore = { status: "RESOLVED" as const, resolvedAt: plus(closes, -H) };
  const settledDuring = { status: "RESOLVED" as const, resolvedAt: plus(closes, H) };
  it.each([
    ["strike, escalation in hand", ["STRIKE"], [open], true],
    [
      "leader, escalation sent back",
      ["GROUP_LEADER", "CALLER"],
      [{ status: "SENT_BACK" as const, resolvedAt: null }],
      true,
    ],
    ["strike, settled during the period", ["STRIKE"], [settledBefore, settledDuring], true],
    ["strike, settled before the period", ["STRIKE"], [settledBefore], false],
    ["strike, never escalated", ["STRIKE"], [], false],
    ["a caller, escalation in hand", ["CALLER"], [open], false],
    ["an admin", ["ADMIN"], [open], false],
  ] as const)("cleanupContactAllowed: %s", (_, roles, escalations, expected) => {
    expect(cleanupContactAllowed(roles, escalations, period)).toBe(expected);
    expect(cleanupContactAllowed(roles, escalations, null)).toBe(false);
  });
});

describe("resultEscalation: 未报到 escalates only once the 报到 window has closed", () => {
  const closes = at("2024-09-15T00:00:00Z");
  it.each([
    ["NOT_ENROLLED", plus(closes, -1), undefined],
    ["NOT_ENROLLED", closes, "NOT_ENROLLED"],
    ["REGRETTED", plus(closes, -H), "REGRETTED"],
    ["WILL_NOT_COME", plus(closes, -H), "WILL_NOT_COME"],
    ["CONSULTED", plus(closes, H), undefined],
  ] as [Outcome, Date, EscalationReason | undefined][])("%s at %s: %s", (outcome, when, expected) => {
    expect(resultEscalation(outcome, when, windows)).toBe(expected);
  });

  it("never for a campaign without a 报到 window", () => {
    expect(enrollmentWindowClosed(windows.slice(0, 3), plus(closes, H))).toBe(false);
    expect(resultEscalation("NOT_ENROLLED", plus(closes, H), windows.slice(0, 3))).toBeUndefined();
  });
});

describe("unreachableCountdown", () => {
  const policy = { unreachableAttempts: 3, unreachableMinDays: 2 };
  const day1 = at("2024-04-14T02:00:00Z");
  const day2 = at("2024-04-15T02:00:00Z");
  const off = (startedAt: Date) => ({ startedAt, outcome: "UNREACHABLE_PHONE_OFF" });

  it("counts the run since the candidate was last reached", () => {
    expect(unreachableCountdown([], policy, day2)).toEqual({
      streak: 0,
      streakDays: 0,
      attemptsLeft: 3,
      nextEscalates: false,
    });
    expect(unreachableCountdown([off(day1), { startedAt: plus(day1, H), outcome: "CONSULTED" }], policy, day2)).toEqual(
      { streak: 0, streakDays: 0, attemptsLeft: 3, nextEscalates: false },
    );
  });

  it("warns before the attempt that escalates, counting the days", () => {
    // two attempts on one day: the third on the same day does not meet the two-day rule
    expect(unreachableCountdown([off(day1), off(plus(day1, H))], policy, plus(day1, 2 * H))).toMatchObject({
      streak: 2,
      streakDays: 1,
      attemptsLeft: 1,
      nextEscalates: false,
    });
    // …a third on the next day does
    expect(unreachableCountdown([off(day1), off(plus(day1, H))], policy, day2)).toMatchObject({ nextEscalates: true });
  });
});

describe("editRefusal", () => {
  const policy = { editWindowHours: 24 };
  const createdAt = at("2024-04-15T10:00:00Z");
  const log = { callerId: "author", phase: 2, createdAt };

  it.each([
    ["the author, at once", "author", createdAt, null],
    ["the author, exactly 24 h later", "author", plus(createdAt, 24 * H), null],
    ["the author, 24 h and 1 ms later", "author", plus(createdAt, 24 * H + 1), "EDIT_WINDOW_PASSED"],
    ["someone else", "other", plus(createdAt, MIN), "NOT_AUTHOR"],
    ["someone else, after the phase closed", "other", at("2024-04-25T00:00:00Z"), "NOT_AUTHOR"],
    ["the author, after the phase closed", "author", at("2024-04-25T00:00:00Z"), "PHASE_CLOSED"],
    // the phase check comes first: a closed phase is read-only whatever the age of the log
    ["the author, phase closed and window passed", "author", at("2024-05-01T00:00:00Z"), "PHASE_CLOSED"],
    ["the author, once the next phase opened", "author", at("2024-07-10T00:00:00Z"), "PHASE_CLOSED"],
  ] as const)("%s", (_, userId, now, expected) => {
    expect(editRefusal(log, userId, now, windows, policy)).toBe(expected);
  });

  it("refuses a log whose phase closed even if another phase is open", () => {
    const phase1Log = { callerId: "author", phase: 1, createdAt: at("2024-04-09T20:00:00Z") };
    expect(editRefusal(phase1Log, "author", at("2024-04-10T01:00:00Z"), windows, policy)).toBe("PHASE_CLOSED");
  });

  it("follows the policy's edit window", () => {
    expect(editRefusal(log, "author", createdAt, windows, { editWindowHours: 0 })).toBeNull();
    expect(editRefusal(log, "author", plus(createdAt, 1), windows, { editWindowHours: 0 })).toBe("EDIT_WINDOW_PASSED");
    expect(editRefusal(log, "author", plus(createdAt, 47 * H), windows, { editWindowHours: 48 })).toBeNull();
  });
});

describe("Beijing days", () => {
  it.each([
    ["2024-07-01T00:00:00Z", "2024-07-01"],
    ["2024-07-01T15:59:59.999Z", "2024-07-01"],
    ["2024-07-01T16:00:00Z", "2024-07-02"],
    ["2024-07-01T23:00:00Z", "2024-07-02"],
    ["2024-07-02T01:00:00Z", "2024-07-02"],
    ["2024-12-31T16:00:00Z", "2025-01-01"],
  ])("%s is Beijing day %s", (iso, day) => {
    expect(beijingDay(at(iso))).toBe(day);
  });
});

type Log = { startedAt: Date; outcome: string };
const log = (iso: string, outcome = "UNREACHABLE_PHONE_OFF"): Log => ({ startedAt: at(iso), outcome });

describe("unreachableStreak", () => {
  it("is empty for an empty ledger or one that ends with a reached contact", () => {
    expect(unreachableStreak([])).toEqual([]);
    expect(unreachableStreak([log("2024-07-01T02:00:00Z"), log("2024-07-01T03:00:00Z", "CONSULTED")])).toEqual([]);
  });

  it("is the trailing run of unreachable results, oldest first, whatever the input order", () => {
    const a = log("2024-07-01T02:00:00Z");
    const reached = log("2024-07-01T03:00:00Z", "WILL_COME");
    const b = log("2024-07-01T04:00:00Z", "UNREACHABLE_REFUSED");
    const c = log("2024-07-02T04:00:00Z", "UNREACHABLE_SUSPENDED");
    expect(unreachableStreak([c, a, b, reached])).toEqual([b, c]);
  });

  it("counts every kind of unreachable result and no other", () => {
    for (const outcome of UNREACHABLE_OUTCOMES) expect(isUnreachable(outcome), outcome).toBe(true);
    for (const outcome of ["CONSULTED", "REGRETTED", "WITHDRAWAL_REFUSED", "NOT_INTERESTED", ""]) {
      expect(isUnreachable(outcome), outcome).toBe(false);
    }
  });
});

describe("unreachableEscalationDue (default policy: 3 attempts over 2 Beijing days)", () => {
  const policy = DEFAULT_WORKFLOW_POLICY;

  it.each([
    ["no attempt", [], false],
    [
      "3 attempts on one day",
      [log("2024-07-01T01:00:00Z"), log("2024-07-01T04:00:00Z"), log("2024-07-01T09:00:00Z")],
      false,
    ],
    [
      "3 attempts over 2 Beijing days",
      [log("2024-07-01T02:00:00Z"), log("2024-07-01T06:00:00Z"), log("2024-07-02T02:00:00Z")],
      true,
    ],
    ["2 attempts over 2 days", [log("2024-07-01T02:00:00Z"), log("2024-07-02T02:00:00Z")], false],
    // 23:00 UTC is 07:00 in Beijing the next morning: two UTC days, one Beijing day
    [
      "3 attempts on two UTC days but one Beijing day",
      [log("2024-07-01T23:00:00Z"), log("2024-07-02T00:30:00Z"), log("2024-07-02T01:00:00Z")],
      false,
    ],
    // 16:00 UTC is Beijing midnight: one UTC day, two Beijing days
    [
      "3 attempts on one UTC day across Beijing midnight",
      [log("2024-07-01T10:00:00Z"), log("2024-07-01T15:59:59.999Z"), log("2024-07-01T16:00:00Z")],
      true,
    ],
    [
      "a reached contact in between resets the count",
      [
        log("2024-07-01T02:00:00Z"),
        log("2024-07-01T06:00:00Z"),
        log("2024-07-01T08:00:00Z", "CONSULTED"),
        log("2024-07-02T02:00:00Z"),
      ],
      false,
    ],
    [
      "3 attempts over 2 days after a reached contact",
      [
        log("2024-06-30T02:00:00Z", "CONSULTED"),
        log("2024-07-01T02:00:00Z", "UNREACHABLE_REFUSED"),
        log("2024-07-01T06:00:00Z", "UNREACHABLE_WRONG_NUMBER"),
        log("2024-07-02T02:00:00Z", "UNREACHABLE_SUSPENDED"),
      ],
      true,
    ],
    [
      "reached after 3 attempts over 2 days",
      [
        log("2024-07-01T02:00:00Z"),
        log("2024-07-01T06:00:00Z"),
        log("2024-07-02T02:00:00Z"),
        log("2024-07-02T03:00:00Z", "WILL_COME"),
      ],
      false,
    ],
    [
      "4 attempts over 3 days",
      [
        log("2024-07-01T02:00:00Z"),
        log("2024-07-02T02:00:00Z"),
        log("2024-07-03T02:00:00Z"),
        log("2024-07-04T02:00:00Z"),
      ],
      true,
    ],
  ] as [string, Log[], boolean][])("%s -> %s", (_, ledger, due) => {
    expect(unreachableEscalationDue(ledger, policy)).toBe(due);
  });

  it("follows the policy's thresholds", () => {
    const one = [log("2024-07-01T02:00:00Z")];
    expect(unreachableEscalationDue(one, { unreachableAttempts: 1, unreachableMinDays: 1 })).toBe(true);
    const fourOnTwoDays = [
      log("2024-07-01T02:00:00Z"),
      log("2024-07-01T03:00:00Z"),
      log("2024-07-02T02:00:00Z"),
      log("2024-07-02T03:00:00Z"),
    ];
    expect(unreachableEscalationDue(fourOnTwoDays, { unreachableAttempts: 4, unreachableMinDays: 3 })).toBe(false);
    expect(unreachableEscalationDue(fourOnTwoDays, { unreachableAttempts: 5, unreachableMinDays: 2 })).toBe(false);
    expect(unreachableEscalationDue(fourOnTwoDays, { unreachableAttempts: 4, unreachableMinDays: 2 })).toBe(true);
  });

  // a ledger of up to 12 logs over ~10 days, some reached, some not
  const ledgerArb = fc.array(
    fc.record({
      startedAt: fc.date({ min: at("2024-07-01T00:00:00Z"), max: at("2024-07-10T00:00:00Z"), noInvalidDate: true }),
      outcome: fc.constantFrom(...UNREACHABLE_OUTCOMES, "CONSULTED", "WILL_COME", "ENROLLED"),
    }),
    { maxLength: 12 },
  );
  const policyArb = fc.record({
    unreachableAttempts: fc.integer({ min: 1, max: 8 }),
    unreachableMinDays: fc.integer({ min: 1, max: 5 }),
  });

  it("is never due with fewer unreachable attempts, or fewer Beijing days, than the policy", () => {
    fc.assert(
      fc.property(ledgerArb, policyArb, (ledger, p) => {
        const unreachable = ledger.filter((l) => isUnreachable(l.outcome));
        const days = new Set(unreachable.map((l) => beijingDay(l.startedAt)));
        if (unreachable.length < p.unreachableAttempts || days.size < p.unreachableMinDays) {
          expect(unreachableEscalationDue(ledger, p)).toBe(false);
        }
      }),
    );
  });

  it("is never due right after the candidate was reached", () => {
    fc.assert(
      fc.property(ledgerArb, policyArb, (ledger, p) => {
        const reached = { startedAt: at("2024-07-11T00:00:00Z"), outcome: "CONSULTED" };
        expect(unreachableEscalationDue([...ledger, reached], p)).toBe(false);
      }),
    );
  });

  it("counts only attempts made after the last reached contact", () => {
    fc.assert(
      fc.property(ledgerArb, (ledger) => {
        const streak = unreachableStreak(ledger);
        for (const l of streak) expect(isUnreachable(l.outcome)).toBe(true);
        const first = streak[0];
        if (first) {
          const laterReached = ledger.filter(
            (l) => !isUnreachable(l.outcome) && l.startedAt.getTime() > first.startedAt.getTime(),
          );
          expect(laterReached).toEqual([]);
        } else if (ledger.length > 0) {
          // an empty streak means the ledger ends with a reached contact
          expect(ledger.some((l) => !isUnreachable(l.outcome))).toBe(true);
        }
      }),
    );
  });
});

describe("escalationReasonFor", () => {
  it.each([
    ["UNREACHABLE_PHONE_OFF", "PHONE_OFF"],
    ["UNREACHABLE_SUSPENDED", "SUSPENDED"],
    ["UNREACHABLE_WRONG_NUMBER", "WRONG_NUMBER"],
    ["UNREACHABLE_REFUSED", "REFUSED"],
    ["CONSULTED", "OTHER"],
  ])("%s -> %s", (outcome, reason) => {
    expect(escalationReasonFor(outcome)).toBe(reason);
  });
});

describe("todoReason", () => {
  const policy = { contactsPerCandidate: 4, minutesPerCandidate: 20 };
  const endOfToday = at("2024-07-01T15:59:59.999Z");
  const onTrack: TodoInput = {
    lastContactAt: at("2024-06-30T02:00:00Z"),
    nextFollowUpAt: null,
    contacts: 4,
    seconds: 20 * 60,
    escalationReturned: false,
  };

  it.each([
    [
      "an escalation sent back, even if never contacted",
      { lastContactAt: null, contacts: 0, seconds: 0, escalationReturned: true },
      "ESCALATION_RETURNED",
    ],
    [
      "never contacted, even with a follow-up due",
      { lastContactAt: null, contacts: 0, seconds: 0, nextFollowUpAt: at("2024-07-01T01:00:00Z") },
      "NEVER_CONTACTED",
    ],
    ["a follow-up due at the end of today", { nextFollowUpAt: endOfToday }, "FOLLOW_UP_DUE"],
    ["a follow-up overdue since yesterday", { nextFollowUpAt: at("2024-06-30T01:00:00Z") }, "FOLLOW_UP_DUE"],
    ["a follow-up tomorrow, below standard", { nextFollowUpAt: plus(endOfToday, 1), contacts: 1 }, "BELOW_STANDARD"],
    ["3 contacts", { contacts: 3 }, "BELOW_STANDARD"],
    ["4 contacts but 1 second short of 20 minutes", { seconds: 20 * 60 - 1 }, "BELOW_STANDARD"],
    ["4 contacts and 20 minutes", {}, "ON_TRACK"],
    ["a follow-up tomorrow, on track", { nextFollowUpAt: plus(endOfToday, 1) }, "ON_TRACK"],
  ] as [string, Partial<TodoInput>, TodoReason][])("%s -> %s", (_, patch, reason) => {
    expect(todoReason({ ...onTrack, ...patch }, endOfToday, policy)).toBe(reason);
  });

  it("follows the policy's standard", () => {
    const one = { ...onTrack, contacts: 1, seconds: 60 };
    expect(todoReason(one, endOfToday, { contactsPerCandidate: 1, minutesPerCandidate: 1 })).toBe("ON_TRACK");
    expect(todoReason(one, endOfToday, { contactsPerCandidate: 2, minutesPerCandidate: 1 })).toBe("BELOW_STANDARD");
  });
});

describe("sortTodo", () => {
  type Row = TodoInput & { reason: TodoReason; id: string };
  const row = (id: string, reason: TodoReason, patch: Partial<TodoInput> = {}): Row => ({
    id,
    reason,
    lastContactAt: null,
    nextFollowUpAt: null,
    contacts: 0,
    seconds: 0,
    escalationReturned: false,
    ...patch,
  });

  it("puts returned escalations, then never contacted, follow-ups due, below standard, on track", () => {
    expect(TODO_ORDER).toEqual([
      "ESCALATION_RETURNED",
      "NEVER_CONTACTED",
      "FOLLOW_UP_DUE",
      "BELOW_STANDARD",
      "ON_TRACK",
    ]);
    const rows = [
      row("track", "ON_TRACK", { lastContactAt: at("2024-06-30T00:00:00Z") }),
      row("below-recent", "BELOW_STANDARD", { lastContactAt: at("2024-06-30T00:00:00Z") }),
      row("due-later", "FOLLOW_UP_DUE", {
        nextFollowUpAt: at("2024-07-01T09:00:00Z"),
        lastContactAt: at("2024-06-20T00:00:00Z"),
      }),
      row("never", "NEVER_CONTACTED"),
      row("below-old", "BELOW_STANDARD", { lastContactAt: at("2024-06-25T00:00:00Z") }),
      row("due-earlier", "FOLLOW_UP_DUE", {
        nextFollowUpAt: at("2024-07-01T02:00:00Z"),
        lastContactAt: at("2024-06-29T00:00:00Z"),
      }),
      row("returned", "ESCALATION_RETURNED", { lastContactAt: at("2024-06-30T00:00:00Z") }),
      // same reason and no follow-up: the one never contacted (null) comes before the one contacted long ago
      row("below-never", "BELOW_STANDARD"),
      // a follow-up date sorts before none, within the same reason
      row("below-with-followup", "BELOW_STANDARD", {
        nextFollowUpAt: at("2024-07-05T00:00:00Z"),
        lastContactAt: at("2024-06-30T00:00:00Z"),
      }),
    ];
    expect(sortTodo(rows).map((r) => r.id)).toEqual([
      "returned",
      "never",
      "due-earlier",
      "due-later",
      "below-with-followup",
      "below-never",
      "below-old",
      "below-recent",
      "track",
    ]);
    // the input is not reordered in place
    expect(rows[0]?.id).toBe("track");
  });

  it("orders any list by urgency and keeps every row", () => {
    const dateArb = fc.option(
      fc.date({ min: at("2024-06-01T00:00:00Z"), max: at("2024-08-01T00:00:00Z"), noInvalidDate: true }),
      { nil: null },
    );
    const rowArb = fc.record({
      id: fc.uuid(),
      reason: fc.constantFrom(...TODO_ORDER),
      lastContactAt: dateArb,
      nextFollowUpAt: dateArb,
      contacts: fc.nat(10),
      seconds: fc.nat(3600),
      escalationReturned: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 20 }), (rows) => {
        const sorted = sortTodo(rows);
        expect([...sorted].sort((a, b) => a.id.localeCompare(b.id))).toEqual(
          [...rows].sort((a, b) => a.id.localeCompare(b.id)),
        );
        for (let i = 1; i < sorted.length; i++) {
          const [prev, cur] = [sorted[i - 1], sorted[i]];
          if (!prev || !cur) continue;
          expect(TODO_ORDER.indexOf(prev.reason)).toBeLessThanOrEqual(TODO_ORDER.indexOf(cur.reason));
        }
      }),
    );
  });
});

describe("candidateStage", () => {
  it.each([
    // a withdrawn file, and one being withdrawn, read the same in every phase
    [null, status({ withdrawal: "APPROVED" }), "WITHDRAWN"],
    [2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "APPROVED" }), "WITHDRAWN"],
    [4, admitted({ withdrawal: "APPROVED", enrollment: "ENROLLED" }), "WITHDRAWN"],
    [2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "AGREED" }), "WITHDRAWING"],
    [2, status({ withdrawal: "SUBMITTED" }), "WITHDRAWING"],
    [3, status({ withdrawal: "SENT_BACK" }), "WITHDRAWING"],
    // 放弃录取: given up once the data team approved it; while it is in review the candidate is still admitted
    [3, admitted({ decline: "APPROVED", comeIntent: "WILL_NOT_COME" }), "DECLINED"],
    [null, admitted({ decline: "APPROVED" }), "DECLINED"],
    [4, admitted({ decline: "SUBMITTED", comeIntent: "WILL_NOT_COME" }), "WILL_NOT_COME"],
    // before admission (no phase open, phase 1, phase 2): the intent
    [null, status(), "NEW"],
    [1, status(), "NEW"],
    [1, status({ intent: "FIRST_CHOICE" }), "FIRST_CHOICE"],
    [2, status(), "NEW"],
    [2, status({ intent: "FIRST_CHOICE" }), "FIRST_CHOICE"],
    [2, status({ intent: "HESITANT" }), "HESITANT"],
    [2, status({ intent: "NOT_FIRST_CHOICE" }), "NOT_FIRST_CHOICE"],
    // after admission: enrollment first, then the intent to come
    [3, status({ intent: "FIRST_CHOICE" }), "AWAITING_ADMISSION"],
    [4, status(), "AWAITING_ADMISSION"],
    [3, admitted(), "ADMITTED"],
    [3, admitted({ comeIntent: "WILL_COME" }), "WILL_COME"],
    [3, admitted({ comeIntent: "HESITANT" }), "COME_HESITANT"],
    [3, admitted({ comeIntent: "WILL_NOT_COME" }), "WILL_NOT_COME"],
    [4, admitted(), "ADMITTED"],
    [4, admitted({ comeIntent: "WILL_NOT_COME" }), "WILL_NOT_COME"],
    [4, admitted({ comeIntent: "WILL_NOT_COME", enrollment: "ENROLLED" }), "ENROLLED"],
    [4, admitted({ comeIntent: "WILL_COME", enrollment: "NOT_ENROLLED" }), "NOT_ENROLLED"],
    // after the last phase closed, an admitted candidate still reads by enrollment, not by intent
    [null, admitted({ intent: "HESITANT", enrollment: "ENROLLED" }), "ENROLLED"],
    [null, admitted({ intent: "FIRST_CHOICE", comeIntent: "WILL_NOT_COME" }), "WILL_NOT_COME"],
  ] as [Phase | null, CandidateStatus, string][])("phase %s, %j -> %s", (phase, candidate, stage) => {
    expect(candidateStage(phase, candidate)).toBe(stage);
  });
});

describe("nextStep", () => {
  it.each([
    // escalations come before the phase's own step
    [2, status({ withdrawal: "APPROVED" }), "OPEN", "NONE_WITHDRAWN"],
    [1, status(), "OPEN", "WAIT_FOR_ESCALATION"],
    [3, admitted(), "FORWARDED", "WAIT_FOR_ESCALATION"],
    [4, admitted(), "CLAIMED", "WAIT_FOR_ESCALATION"],
    [4, admitted(), "SENT_BACK", "ACT_ON_ADVICE"],
    [4, admitted(), "RESOLVED", "CONFIRM_ENROLLMENT"],
    // phase 1
    [1, status(), null, "GUIDE_APPLICATION"],
    [1, status({ intent: "NOT_FIRST_CHOICE" }), null, "GUIDE_APPLICATION"],
    // phase 2
    [2, status(), null, "RECORD_INTENT"],
    // first choice recorded: nothing to persuade, stay in touch until admission
    [2, status({ intent: "FIRST_CHOICE" }), null, "KEEP_IN_TOUCH"],
    [2, status({ intent: "HESITANT" }), null, "PERSUADE_WITHDRAWAL"],
    [2, status({ intent: "NOT_FIRST_CHOICE" }), null, "PERSUADE_WITHDRAWAL"],
    [2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "AGREED" }), null, "COLLECT_WITHDRAWAL_MATERIALS"],
    [2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "SUBMITTED" }), null, "AWAIT_WITHDRAWAL_REVIEW"],
    [2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "SENT_BACK" }), null, "FIX_WITHDRAWAL_MATERIALS"],
    [2, status({ intent: "NOT_FIRST_CHOICE", withdrawal: "APPROVED" }), null, "NONE_WITHDRAWN"],
    [3, admitted({ decline: "APPROVED" }), null, "NONE_DECLINED"],
    [4, admitted({ decline: "AGREED" }), null, "CONFIRM_ENROLLMENT"],
    // phase 3
    [3, status(), null, "NONE_NOT_ADMITTED"],
    [3, admitted(), null, "PERSUADE_TO_COME"],
    [3, admitted({ comeIntent: "HESITANT" }), null, "PERSUADE_TO_COME"],
    [3, admitted({ comeIntent: "WILL_NOT_COME" }), null, "PERSUADE_TO_COME"],
    [3, admitted({ comeIntent: "WILL_COME" }), null, "GUIDE_PAYMENT"],
    [3, admitted({ comeIntent: "WILL_COME", paid: true }), null, "GUIDE_DORM_AND_BUS"],
    [3, admitted({ comeIntent: "WILL_COME", paid: true, dormChosen: true }), null, "GUIDE_DORM_AND_BUS"],
    // paid, dorm and bus all done: only keeping in touch is left
    [3, admitted({ comeIntent: "WILL_COME", paid: true, dormChosen: true, busBooked: true }), null, "KEEP_IN_TOUCH"],
    // phase 4
    [4, status(), null, "NONE_NOT_ADMITTED"],
    [4, admitted(), null, "CONFIRM_ENROLLMENT"],
    [4, admitted({ comeIntent: "WILL_NOT_COME" }), null, "CONFIRM_ENROLLMENT"],
    [4, admitted({ enrollment: "ENROLLED" }), null, "NONE_ENROLLED"],
    [4, admitted({ enrollment: "NOT_ENROLLED" }), null, "CHASE_NO_SHOW"],
  ] as const)("phase %s, %j, escalation %s -> %s", (phase, candidate, escalation, step) => {
    expect(nextStep(phase, candidate, escalation)).toBe(step);
  });

  it("waits on every escalation still in someone's hands", () => {
    expect(OPEN_ESCALATION_STATUSES).toEqual(["OPEN", "FORWARDED", "CLAIMED"]);
  });
});

describe("withdrawalReady", () => {
  const all = ["APPLICATION_SIGNED", "GUARDIAN_SIGNED", "ID_COPY", "EXAM_TICKET_COPY"];

  it.each([
    [all, 1, true],
    [[...all].reverse(), 6, true],
    [all, 0, false],
    [all.slice(0, 3), 1, false],
    [all.slice(1), 1, false],
    [[], 3, false],
    [["ID_COPY", "ID_COPY", "ID_COPY", "ID_COPY"], 1, false],
    [[...all, "SOMETHING_ELSE"], 1, true],
  ] as [string[], number, boolean][])("%j with %s photos -> %s", (checked, photos, ready) => {
    expect(withdrawalReady(checked, photos)).toBe(ready);
  });

  it("is the checklist of the plan's materials", () => {
    expect(WITHDRAWAL_CHECKLIST).toEqual(all);
  });
});
