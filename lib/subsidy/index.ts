// The campaign's money rules (六、激励考核 and 八、处罚措施): pure, integer fen, every fen explained.
export { computePayouts } from "./compute";
export { type NextTierHint, nextTierHint } from "./hint";
export { formatPermille, formatYuanNumber } from "./money";
export {
  DEFAULT_POLICY,
  type SubsidyPolicy,
  type SubsidyTier,
  subsidyPolicySchema,
} from "./policy";
export { type NameOf, type SubsidyStep, stepText, yuan, yuanPerStudent } from "./steps";
export type {
  CallerInput,
  CallerPayout,
  GroupInput,
  GroupPayout,
  PayoutInput,
  PayoutResult,
} from "./types";
export { SubsidyInputError } from "./validate";
