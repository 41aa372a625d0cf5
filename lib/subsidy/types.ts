import type { RegistrationPoints } from "@/lib/prospects/points";
import type { SubsidyStep } from "./steps";

/** One caller's figures for the campaign. Counts are integers; minutes may be fractional. */
export type CallerInput = {
  callerId: string;
  groupId: string;
  /** 投档 candidates in the caller's charge (the base of the minimum workload). */
  assigned: number;
  /** 回访录取人数: assigned candidates who were admitted. */
  admitted: number;
  /** 报到人数: admitted candidates whose enrollment is recorded (the 报到 list or the data team): what is paid. */
  enrolled: number;
  /**
   * Admitted candidates the caller logged as 已报到, recorded or not. Only explained, never paid: the
   * projection on it shows what the caller can expect once the 报到 list confirms them.
   */
  claimedEnrolled?: number;
  /** Approved 放弃录取 among `admitted`: they stay admitted (the plan gives no exception), and are named. */
  declined?: number;
  /** Admitted candidates credited to this caller whom a later move gave to someone else (README "Fair attribution"). */
  creditMovedAway?: number;
  /** Admitted candidates this caller now holds whose credit stayed with the caller who held them before. */
  creditHeldForOthers?: number;
  /** Logged contacts over all the caller's candidates. */
  contacts: number;
  /** Logged minutes over all the caller's candidates. */
  minutes: number;
  /** 加班补贴 as entered, before penalties. */
  overtimeFen?: number;
  /** 误退 with serious consequences, recorded by an inspector. */
  mistakenWithdrawal?: boolean;
  /** 玩忽职守 / 徇私舞弊 / 弄虚作假: 0, or the deducted share in the policy's range (20–100). */
  fraudPercent?: number;
  /** 诋毁他人 findings against the caller: each costs the policy's slander percentage of the phone subsidy. */
  slanderFindings?: number;
  /**
   * Phase 1's 生源报备 as the campaign's points policy values them (lib/prospects/points.ts). Paid beside the
   * callback subsidy when a point pays anything; the penalties of 八 cut the callback subsidy, not these
   * points, which belong to the college's all-staff registration scheme.
   */
  registrationPoints?: RegistrationPoints;
};

export type GroupInput = {
  groupId: string;
  leaderId: string;
};

export type PayoutInput = {
  callers: readonly CallerInput[];
  groups: readonly GroupInput[];
};

export type CallerPayout = {
  callerId: string;
  /** floor(enrolled × 1000 / admitted); null without admitted candidates. */
  ratePermille: number | null;
  /** The per-student standard after step bonus and workload deduction, in fen. */
  perStudentFen: number;
  /** Phone subsidy after 误退 and fraud penalties, in fen. */
  subsidyFen: number;
  /** Overtime after the bottom-N halving (and 误退 / fraud when the policy covers overtime), in fen. */
  overtimeFen: number;
  /** 生源报备积分 paid, in fen: 0 when the campaign's points pay no money (the default). */
  registrationFen: number;
  meetsMinimumWorkload: boolean;
  /** Among the bottom N callers by rate (ties at the N-th place included). */
  inBottomRank: boolean;
  awardEligible: boolean;
  /** Every fen explained, step by step (rendered where read: ./steps stepText). */
  steps: SubsidyStep[];
};

export type GroupPayout = {
  groupId: string;
  leaderId: string;
  /** The group rate by the policy's method (pooled by default); null without admitted candidates. */
  ratePermille: number | null;
  leaderBonusFen: number;
  awardEligible: boolean;
  steps: SubsidyStep[];
};

export type PayoutResult = {
  callers: CallerPayout[];
  groups: GroupPayout[];
  /** Sum of every caller's subsidyFen, overtimeFen and registrationFen and every group's leaderBonusFen. */
  totalFen: number;
  /** 误退 anywhere removes the inspection team's award eligibility (八、处罚措施 (三)). */
  inspectionTeamAwardEligible: boolean;
};
