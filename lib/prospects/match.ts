/**
 * Who is who before and after the 投档 list (pure). A prospect is someone a consultation named; a candidate
 * is a row of the list. The rule, in order:
 *   1. the exam number, when both have one: equal is a match, different is no match at all;
 *   2. otherwise the phone and the name together: one candidate is a match, several are ambiguous.
 * A prospect matched by two candidates, or a candidate claimed by two prospects, is ambiguous: nothing is
 * linked and the data team sees both rows.
 */
export interface ProspectKey {
  id: string;
  name: string;
  examNo: string | null;
  phone: string | null;
}

export interface CandidateKey {
  examNo: string;
  name: string;
  phones: readonly string[];
}

export type ProspectMatch =
  | { kind: "matched"; prospectId: string; examNo: string; by: "examNo" | "phoneAndName" }
  | { kind: "ambiguous"; prospectId: string; examNos: string[] }
  | { kind: "unmatched"; prospectId: string };

/** Names compare without spaces (full-width ones too) so "张 三" from a form is 张三 on the list. */
export function sameName(a: string, b: string): boolean {
  const fold = (s: string) => s.replace(/[\s\u3000]+/g, "");
  return fold(a) !== "" && fold(a) === fold(b);
}

function candidatesFor(
  prospect: ProspectKey,
  candidates: readonly CandidateKey[],
): {
  by: "examNo" | "phoneAndName";
  found: CandidateKey[];
} {
  if (prospect.examNo) {
    const byExamNo = candidates.filter((c) => c.examNo === prospect.examNo);
    if (byExamNo.length > 0) return { by: "examNo", found: byExamNo };
  }
  const phone = prospect.phone;
  if (!phone) return { by: "phoneAndName", found: [] };
  return {
    by: "phoneAndName",
    found: candidates.filter(
      (c) =>
        c.phones.includes(phone) &&
        sameName(c.name, prospect.name) &&
        // a known exam number that differs rules the candidate out
        (!prospect.examNo || prospect.examNo === c.examNo),
    ),
  };
}

export function matchProspects(
  prospects: readonly ProspectKey[],
  candidates: readonly CandidateKey[],
): ProspectMatch[] {
  const first = prospects.map((p) => ({ prospect: p, ...candidatesFor(p, candidates) }));
  const claims = new Map<string, number>();
  for (const m of first) {
    if (m.found.length === 1) {
      const examNo = m.found[0]?.examNo ?? "";
      claims.set(examNo, (claims.get(examNo) ?? 0) + 1);
    }
  }
  return first.map(({ prospect, by, found }) => {
    const [only] = found;
    if (found.length === 0 || !only) return { kind: "unmatched", prospectId: prospect.id };
    if (found.length > 1 || (claims.get(only.examNo) ?? 0) > 1) {
      return { kind: "ambiguous", prospectId: prospect.id, examNos: found.map((c) => c.examNo) };
    }
    return { kind: "matched", prospectId: prospect.id, examNo: only.examNo, by };
  });
}

/**
 * Which existing prospect a new consultation is about: the one with its exam number, else the one with its
 * phone (the newest when several share it). Null: a new prospect.
 */
export function prospectForConsultation<P extends { id: string; examNo: string | null; phone: string | null }>(
  input: { examNo: string | null; phone: string | null },
  existing: readonly P[],
): P | null {
  if (input.examNo) {
    const byExamNo = existing.find((p) => p.examNo === input.examNo);
    if (byExamNo) return byExamNo;
  }
  if (input.phone) {
    // a prospect whose own exam number differs is someone else on the same (family) phone
    const byPhone = existing.find(
      (p) => p.phone === input.phone && (!input.examNo || !p.examNo || p.examNo === input.examNo),
    );
    if (byPhone) return byPhone;
  }
  return null;
}
