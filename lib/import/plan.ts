// Reconciling a checked list with the candidates already in the campaign, by exam number: what the
// import would create, change (field by field), leave alone, and what went missing since the previous
// list of the same kind. Pure: the caller loads the snapshots and applies the plan.
import type { ListRecord } from "./check";
import type { ListKind } from "./columns";

export interface CandidateSnapshot {
  id: string;
  examNo: string;
  name: string;
  gender: string | null;
  phones: string[];
  region: string;
  school: string | null;
  major: string | null;
  firstChoice: boolean | null;
  admitted: boolean;
  paid: boolean;
  enrollment: "PENDING" | "ENROLLED" | "NOT_ENROLLED";
  /** the enrollment as recorded fact (the 报到 list or the data team); `enrollment` is the caller's claim */
  enrollmentRecord: "LIST" | "DATA_TEAM" | null;
}

export type PlannedField = Exclude<keyof CandidateSnapshot, "id" | "examNo">;
export type CandidatePatch = Partial<Pick<CandidateSnapshot, PlannedField>>;

export interface FieldChange {
  before: unknown;
  after: unknown;
}

export interface ImportPlan {
  /** only the 投档 list brings new candidates */
  create: { row: number; examNo: string; patch: CandidatePatch }[];
  update: {
    /** null for a candidate the list does not name (a 报到 list that no longer shows them) */
    row: number | null;
    examNo: string;
    candidateId: string;
    changes: Partial<Record<PlannedField, FieldChange>>;
  }[];
  unchanged: number;
  /** in the previous list of this kind, not in this one */
  missing: string[];
  /** a 录取/缴费/报到 row whose exam number was never submitted (投档) to the college */
  unknown: { row: number; examNo: string }[];
  /** 报到 only: how many candidates the list puts on the record, and how many it takes off it */
  record: { confirmed: number; unconfirmed: number };
}

/** What one row of a list says about its candidate, in the candidate's own fields. */
export function recordPatch(
  kind: ListKind,
  record: ListRecord,
  current: CandidateSnapshot | undefined,
): CandidatePatch {
  const v = record.values;
  const patch: CandidatePatch = {};
  const copy = <F extends PlannedField>(field: F, value: unknown) => {
    if (value !== undefined) patch[field] = value as CandidateSnapshot[F];
  };
  switch (kind) {
    case "toudang":
      copy("name", v.name);
      copy("gender", v.gender);
      copy("phones", v.phones);
      copy("region", v.region);
      copy("school", v.school);
      copy("major", v.major);
      copy("firstChoice", v.firstChoice);
      break;
    case "luqu":
      patch.admitted = true;
      copy("major", v.major);
      break;
    case "jiaofei":
      copy("paid", v.paid);
      break;
    case "baodao":
      // The list is the record of enrollment; the candidate's `enrollment` is the caller's claim. Shown
      // enrolled: on the record, and a pending claim becomes 已报到; a caller's "not enrolled" with its
      // reason is theirs to change, never the list's (the disagreement shows in the mismatch list).
      // Shown not enrolled: off the record if the list put them there; the claim stays as it is, and a
      // data-team confirmation stays too (also a mismatch, for the data team to look at again).
      if (v.enrolled === true) {
        patch.enrollmentRecord = "LIST";
        if (current?.enrollment === "PENDING") patch.enrollment = "ENROLLED";
      } else if (v.enrolled === false && current?.enrollmentRecord === "LIST") {
        patch.enrollmentRecord = null;
      }
      break;
  }
  return patch;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

/** What one row of a list does to its candidate: create them (投档 only), change some fields, or nothing. */
export type RowPlan =
  | { action: "create"; patch: CandidatePatch }
  | { action: "update"; changes: Partial<Record<PlannedField, FieldChange>> }
  | { action: "unchanged" }
  /** a 录取/缴费/报到 row whose exam number was never submitted: the list cannot be applied */
  | { action: "unknown" };

/** One row against its candidate (`current`, undefined when the campaign has none by that exam number). */
export function planRow(kind: ListKind, record: ListRecord, current: CandidateSnapshot | undefined): RowPlan {
  const patch = recordPatch(kind, record, current);
  if (!current) return kind === "toudang" ? { action: "create", patch } : { action: "unknown" };
  const changes: Partial<Record<PlannedField, FieldChange>> = {};
  let changed = false;
  for (const [field, after] of Object.entries(patch) as [PlannedField, unknown][]) {
    if (same(current[field], after)) continue;
    changes[field] = { before: current[field], after };
    changed = true;
  }
  return changed ? { action: "update", changes } : { action: "unchanged" };
}

/**
 * Each 报到 list is the full list to date: whoever an earlier list put on the record and this one no
 * longer names is not yet confirmed (not "not enrolled": the claim is left alone).
 */
export function offTheRecord(
  candidate: Pick<CandidateSnapshot, "examNo" | "enrollmentRecord">,
  inThisList: ReadonlySet<string>,
): Partial<Record<PlannedField, FieldChange>> | null {
  if (inThisList.has(candidate.examNo) || candidate.enrollmentRecord !== "LIST") return null;
  return { enrollmentRecord: { before: "LIST", after: null } };
}

/**
 * `existing` holds the candidates the list names; for a 报到 list it also holds every candidate now on
 * the record by an earlier list (enrollmentRecord LIST), so that those this list leaves out come off it.
 */
export function planImport(
  kind: ListKind,
  records: readonly ListRecord[],
  existing: ReadonlyMap<string, CandidateSnapshot>,
  previousExamNos: readonly string[] | null,
): ImportPlan {
  const plan: ImportPlan = {
    create: [],
    update: [],
    unchanged: 0,
    missing: [],
    unknown: [],
    record: { confirmed: 0, unconfirmed: 0 },
  };
  const inThisList = new Set<string>();
  for (const record of records) {
    inThisList.add(record.examNo);
    const current = existing.get(record.examNo);
    const planned = planRow(kind, record, current);
    const { row, examNo } = record;
    if (planned.action === "create") plan.create.push({ row, examNo, patch: planned.patch });
    else if (planned.action === "unknown") plan.unknown.push({ row, examNo });
    else if (planned.action === "unchanged") plan.unchanged += 1;
    else plan.update.push({ row, examNo, candidateId: (current as CandidateSnapshot).id, changes: planned.changes });
  }
  if (kind === "baodao") {
    for (const candidate of existing.values()) {
      const changes = offTheRecord(candidate, inThisList);
      if (changes) plan.update.push({ row: null, examNo: candidate.examNo, candidateId: candidate.id, changes });
    }
    for (const { changes } of plan.update) {
      if (!changes.enrollmentRecord) continue;
      if (changes.enrollmentRecord.after === "LIST" && changes.enrollmentRecord.before === null) {
        plan.record.confirmed += 1;
      } else if (changes.enrollmentRecord.after === null) plan.record.unconfirmed += 1;
    }
  }
  plan.missing = (previousExamNos ?? []).filter((examNo) => !inThisList.has(examNo));
  return plan;
}
