// Retention (docs/reliability.md #21, README "Retention"): when a campaign's candidate data is due, and the one
// routine that anonymises it.
export {
  type AnonymiseResult,
  anonymiseCampaign,
  COUNT_LABELS,
  previewAnonymise,
  type RetentionCounts,
  RetentionNotDueError,
  totalOf,
} from "./anonymise";
export {
  ANONYMOUS_NAME,
  anonymousExamNo,
  isAnonymousExamNo,
  isRetentionDue,
  REDACTED_WEEKLY_BODY,
  redactWeekFigures,
  retentionDueAt,
  scrubText,
} from "./rules";
export { type RetentionEntry, runRetention, sweepExpiredUploads } from "./run";
