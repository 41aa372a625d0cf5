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
  update: { row: number; examNo: string; candidateId: string; changes: Partial<Record<PlannedField, FieldChange>> }[];
  unchanged: number;
  /** in the previous list of this kind, not in this one */
  missing: string[];
  /** a 录取/缴费/报到 row whose exam number was never submitted (投档) to the college */
  unknown: { row: number; examNo: string }[];
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
      // a list that no longer shows someone as enrolled corrects an earlier list; a caller's
      // "not enrolled" with its reason is theirs to change, not the list's
      if (v.enrolled === true) patch.enrollment = "ENROLLED";
      else if (v.enrolled === false && current?.enrollment === "ENROLLED") patch.enrollment = "PENDING";
      break;
  }
  return patch;
}

function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export function planImport(
  kind: ListKind,
  records: readonly ListRecord[],
  existing: ReadonlyMap<string, CandidateSnapshot>,
  previousExamNos: readonly string[] | null,
): ImportPlan {
  const plan: ImportPlan = { create: [], update: [], unchanged: 0, missing: [], unknown: [] };
  const inThisList = new Set<string>();
  for (const record of records) {
    inThisList.add(record.examNo);
    const current = existing.get(record.examNo);
    const patch = recordPatch(kind, record, current);
    if (!current) {
      if (kind === "toudang") plan.create.push({ row: record.row, examNo: record.examNo, patch });
      else plan.unknown.push({ row: record.row, examNo: record.examNo });
      continue;
    }
    const changes: Partial<Record<PlannedField, FieldChange>> = {};
    for (const [field, after] of Object.entries(patch) as [PlannedField, unknown][]) {
      if (!same(current[field], after)) changes[field] = { before: current[field], after };
    }
    if (Object.keys(changes).length === 0) plan.unchanged += 1;
    else plan.update.push({ row: record.row, examNo: record.examNo, candidateId: current.id, changes });
  }
  plan.missing = (previousExamNos ?? []).filter((examNo) => !inThisList.has(examNo));
  return plan;
}
