// The 投档 list meets phase 1's prospects: matched in the import preview (lib/import/preview.ts) and linked
// when the list is applied (lib/import/apply.ts), by the rule of ./match.ts. No phone number leaves here.
import type { Prisma, Reader } from "@/lib/db/client";
import { type CandidateKey, matchProspects } from "./match";

export interface ProspectMatchRow {
  prospectId: string;
  /** the prospect's name as the consultation wrote it (campaign data) */
  name: string;
  /** the list rows (Excel row numbers) and exam numbers it matched: one when matched, several when ambiguous */
  rows: { row: number; examNo: string }[];
}

export interface ProspectMatching {
  matched: ProspectMatchRow[];
  ambiguous: ProspectMatchRow[];
  unmatched: ProspectMatchRow[];
}

/** A 投档 list's rows as the matching reads them: exam number, name and phones as the list checker gave them. */
export function listKeys(records: readonly { row: number; examNo: string; values: Record<string, unknown> }[]) {
  return records.map((r) => ({
    row: r.row,
    examNo: r.examNo,
    name: typeof r.values.name === "string" ? r.values.name : "",
    phones: Array.isArray(r.values.phones) ? r.values.phones.filter((p): p is string => typeof p === "string") : [],
  }));
}

/**
 * The list rows that could match one of the campaign's unlinked prospects by the rule of ./match.ts (the
 * same exam number, or one of the prospect's phones): a row that shares neither with any prospect never
 * changes a match, so an apply keeps only these rather than every row of a large list. Null when the
 * campaign has no unlinked prospect.
 */
export async function prospectRowFilter(
  reader: Reader,
  campaignId: string,
): Promise<((row: CandidateKey) => boolean) | null> {
  const prospects = await reader.prospect.findMany({
    where: { campaignId, candidateId: null },
    select: { examNo: true, phone: true },
  });
  if (prospects.length === 0) return null;
  const examNos = new Set(prospects.flatMap((p) => (p.examNo ? [p.examNo] : [])));
  const phones = new Set(prospects.flatMap((p) => (p.phone ? [p.phone] : [])));
  return (row) => examNos.has(row.examNo) || row.phones.some((phone) => phones.has(phone));
}

/** The campaign's prospects not yet linked to a candidate, matched against the list's rows. */
export async function matchProspectsToList(
  reader: Reader,
  campaignId: string,
  rows: readonly (CandidateKey & { row: number })[],
): Promise<ProspectMatching> {
  const prospects = await reader.prospect.findMany({
    where: { campaignId, candidateId: null },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, examNo: true, phone: true },
  });
  const out: ProspectMatching = { matched: [], ambiguous: [], unmatched: [] };
  if (prospects.length === 0) return out;
  const rowOf = new Map(rows.map((r) => [r.examNo, r.row]));
  const names = new Map(prospects.map((p) => [p.id, p.name]));
  for (const m of matchProspects(prospects, rows)) {
    const examNos = m.kind === "matched" ? [m.examNo] : m.kind === "ambiguous" ? m.examNos : [];
    out[m.kind].push({
      prospectId: m.prospectId,
      name: names.get(m.prospectId) ?? "",
      rows: examNos.map((examNo) => ({ row: rowOf.get(examNo) ?? 0, examNo })),
    });
  }
  return out;
}

/**
 * On applying a 投档 list: each matched prospect is linked to its candidate (already written by the apply,
 * in the same transaction). Ambiguous and unmatched ones stay unlinked, to match a later list.
 */
export async function linkMatchedProspects(
  tx: Prisma.TransactionClient,
  campaignId: string,
  rows: readonly (CandidateKey & { row: number })[],
  at: Date,
): Promise<number> {
  const { matched } = await matchProspectsToList(tx, campaignId, rows);
  let linked = 0;
  for (const m of matched) {
    const examNo = m.rows[0]?.examNo;
    if (!examNo) continue;
    const candidate = await tx.candidate.findUnique({
      where: { campaignId_examNo: { campaignId, examNo } },
      select: { id: true, prospect: { select: { id: true } } },
    });
    // a candidate already linked to another prospect keeps it
    if (!candidate || candidate.prospect) continue;
    await tx.prospect.update({ where: { id: m.prospectId }, data: { candidateId: candidate.id, matchedAt: at } });
    linked += 1;
  }
  return linked;
}
