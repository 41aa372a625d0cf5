/**
 * The four phases of the campaign (回访各阶段) and the contact results each one allows.
 * Codes are stored in ContactLog.outcome; their labels live in the message catalogues.
 */
export const PHASES = [1, 2, 3, 4] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_KEYS: Record<Phase, "guidance" | "submission" | "admitted" | "enrollment"> = {
  1: "guidance", // 志愿填报指导
  2: "submission", // 投档
  3: "admitted", // 录取后
  4: "enrollment", // 报到
};

/** Contact channels, in the order the form offers them (the phone first). */
export const CHANNELS = ["PHONE", "WECHAT", "SMS", "QQ", "OTHER"] as const;
export type ChannelCode = (typeof CHANNELS)[number];

/** Results that mean nobody was reached; repeated ones lead to an escalation. */
export const UNREACHABLE_OUTCOMES = [
  "UNREACHABLE_PHONE_OFF", // 关机
  "UNREACHABLE_SUSPENDED", // 停机
  "UNREACHABLE_WRONG_NUMBER", // 错号
  "UNREACHABLE_REFUSED", // 拒接
] as const;

export const OUTCOMES_BY_PHASE = {
  1: ["GUIDED", "REGISTERED", "NOT_INTERESTED", "CONSULTED", ...UNREACHABLE_OUTCOMES],
  2: [
    "INTENT_FIRST_CHOICE",
    "INTENT_HESITANT",
    "INTENT_NOT_FIRST_CHOICE",
    "WITHDRAWAL_AGREED",
    "WITHDRAWAL_REFUSED",
    "CONSULTED",
    ...UNREACHABLE_OUTCOMES,
  ],
  3: [
    "WILL_COME",
    "COME_HESITANT",
    "WILL_NOT_COME",
    "PAID",
    "DORM_CHOSEN",
    "BUS_BOOKED",
    "MASTER_INTEREST",
    "CONSULTED",
    ...UNREACHABLE_OUTCOMES,
  ],
  4: ["ENROLLED", "NOT_ENROLLED", "REGRETTED", "CONSULTED", ...UNREACHABLE_OUTCOMES],
} as const satisfies Record<Phase, readonly string[]>;

export type Outcome = (typeof OUTCOMES_BY_PHASE)[Phase][number];

export interface PhaseWindowLike {
  phase: number;
  opensAt: Date;
  closesAt: Date;
}

/** The phase whose window contains `at`, or null between or outside windows. */
export function phaseOpenAt(windows: readonly PhaseWindowLike[], at: Date): Phase | null {
  const open = windows.find((w) => w.opensAt <= at && at < w.closesAt);
  return open && isPhase(open.phase) ? open.phase : null;
}

export function isPhase(value: number): value is Phase {
  return (PHASES as readonly number[]).includes(value);
}
