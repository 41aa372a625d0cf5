import { z } from "zod";
import type { MessageKey } from "@/lib/i18n/text";

// A cross-field rule's message is a catalogue key (the settings page renders it in the admin's language).
const rule = (key: MessageKey): string => key;

// Rates are permille (‰) integers: 930 means 93.0 %. Money is integer fen. Percent factors are integers.
const permille = z.int().min(0).max(1000);
const fen = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const percent = z.int().min(0).max(100);

const tierSchema = z.strictObject({
  // The tier applies when the exact rate is above this bound (or equal to it when `inclusive`).
  lowerBoundPermille: permille,
  inclusive: z.boolean(),
  fenPerStudent: fen,
});

export const subsidyPolicySchema = z
  .strictObject({
    // Highest tier first; the first tier whose lower edge the rate passes is the caller's tier. A rate
    // below the last tier's bound earns nothing (the subsidy floor, 92 % in the seed).
    tiers: z.array(tierSchema).min(1),
    // 注: each full step above the tier's lower bound adds `fenPerStep`, for callers at or above the
    // basic task who also meet the minimum workload.
    step: z.strictObject({
      sizePermille: z.int().min(1).max(1000),
      fenPerStep: fen,
    }),
    basicTaskPermille: permille,
    targetTaskPermille: permille,
    workload: z.strictObject({
      contactsPerAssigned: z.int().min(0),
      minutesPerAssigned: z.number().min(0).max(100_000),
      // Taken off the per-student standard of a caller below the minimum, never below 0.
      deductionFenPerStudent: fen,
    }),
    leaderBonus: z.strictObject({
      // "pooled": group enrolled / group admitted; "mean": average of the members' own rates.
      groupRate: z.enum(["pooled", "mean"]),
      atBasicFen: fen,
      atTargetFen: fen,
    }),
    mistakenWithdrawal: z.strictObject({
      payoutPercent: percent,
      // The source says 所有补贴按50%发放 ("all subsidies"), so overtime is halved too by default.
      coversOvertime: z.boolean(),
    }),
    bottomRank: z.strictObject({
      count: z.int().min(0),
      overtimePayoutPercent: percent,
    }),
    fraud: z.strictObject({
      minPercent: z.int().min(1).max(100),
      maxPercent: z.int().min(1).max(100),
      // The source deducts from 所有补贴总金额 (the total of all subsidies), so both default to true.
      coversOvertime: z.boolean(),
      coversLeaderBonus: z.boolean(),
    }),
    // 诋毁他人 (三、工作机制(一)): the plan forbids it and names no sum, so a finding costs the caller's phone
    // subsidy this percentage, 0 (recorded, no money) unless the college sets one. A policy stored before
    // the field existed reads as 0.
    slander: z.strictObject({ deductionPercent: percent }).default({ deductionPercent: 0 }),
  })
  .superRefine((policy, ctx) => {
    policy.tiers.forEach((tier, index) => {
      const previous = policy.tiers[index - 1];
      if (previous !== undefined && tier.lowerBoundPermille >= previous.lowerBoundPermille) {
        ctx.addIssue({
          code: "custom",
          path: ["tiers", index, "lowerBoundPermille"],
          message: rule("subsidy.policy.tiersOrder"),
        });
      }
    });
    if (policy.targetTaskPermille < policy.basicTaskPermille) {
      ctx.addIssue({
        code: "custom",
        path: ["targetTaskPermille"],
        message: rule("subsidy.policy.targetBelowBasic"),
      });
    }
    if (policy.leaderBonus.atTargetFen < policy.leaderBonus.atBasicFen) {
      ctx.addIssue({
        code: "custom",
        path: ["leaderBonus", "atTargetFen"],
        message: rule("subsidy.policy.bonusOrder"),
      });
    }
    if (policy.fraud.maxPercent < policy.fraud.minPercent) {
      ctx.addIssue({
        code: "custom",
        path: ["fraud", "maxPercent"],
        message: rule("subsidy.policy.fraudRange"),
      });
    }
  });

export type SubsidyPolicy = z.infer<typeof subsidyPolicySchema>;
export type SubsidyTier = SubsidyPolicy["tiers"][number];

/** The seed's rules (成都文理学院2024年高职单招电话回访工作方案, 六、激励考核 and 八、处罚措施). */
export const DEFAULT_POLICY: SubsidyPolicy = {
  tiers: [
    { lowerBoundPermille: 990, inclusive: true, fenPerStudent: 10_000 },
    { lowerBoundPermille: 980, inclusive: false, fenPerStudent: 8_500 },
    { lowerBoundPermille: 970, inclusive: false, fenPerStudent: 8_000 },
    { lowerBoundPermille: 960, inclusive: false, fenPerStudent: 7_500 },
    { lowerBoundPermille: 950, inclusive: false, fenPerStudent: 7_000 },
    { lowerBoundPermille: 940, inclusive: false, fenPerStudent: 6_500 },
    { lowerBoundPermille: 930, inclusive: false, fenPerStudent: 6_000 },
    { lowerBoundPermille: 920, inclusive: true, fenPerStudent: 5_500 },
  ],
  step: { sizePermille: 1, fenPerStep: 50 },
  basicTaskPermille: 930,
  targetTaskPermille: 950,
  workload: { contactsPerAssigned: 4, minutesPerAssigned: 20, deductionFenPerStudent: 500 },
  leaderBonus: { groupRate: "pooled", atBasicFen: 100_000, atTargetFen: 150_000 },
  mistakenWithdrawal: { payoutPercent: 50, coversOvertime: true },
  bottomRank: { count: 3, overtimePayoutPercent: 50 },
  fraud: { minPercent: 20, maxPercent: 100, coversOvertime: true, coversLeaderBonus: true },
  slander: { deductionPercent: 0 },
};
