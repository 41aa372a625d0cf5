// Reading a list against the campaign without writing anything: what applying it would create, change
// and leave, with its row errors and warnings. The page's preview, the apply and the command line all
// start here.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { ImportKind } from "@/generated/prisma/enums";
import { regionGroups, regionKey } from "@/lib/assignment";
import type { Reader } from "@/lib/db/client";
import { type Text, text } from "@/lib/i18n/text";
import { listKeys, matchProspectsToList, type ProspectMatching } from "@/lib/prospects/link";
import type { CheckReport, ListRecord } from "./check";
import { checkListFile } from "./check-file";
import { FIELDS, type HeaderMapping, type ListKind, type MappingChoice } from "./columns";
import { listText } from "./list-text";
import { type CandidateSnapshot, type ImportPlan, planImport } from "./plan";

export const IMPORT_KIND: Record<ListKind, ImportKind> = {
  toudang: "TOUDANG",
  luqu: "LUQU",
  jiaofei: "JIAOFEI",
  baodao: "BAODAO",
};

export function fileSha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

export interface ImportPreview {
  report: CheckReport;
  /** null while the file has row errors or duplicate exam numbers: nothing can be applied then */
  plan: ImportPlan | null;
  records: ListRecord[];
  fileHash: string;
  alreadyApplied: boolean;
  /** the header row and its mapping, for the page to show and correct; null when no row was found */
  header: HeaderMapping | null;
  /** rows that can be applied but not as wished: a new candidate whose region no group covers */
  warnings: RowWarning[];
  /** a 投档 list against phase 1's prospects (lib/prospects/match.ts); null for other lists */
  prospects: ProspectMatching | null;
}

/** Not an error: the row is applied, but the data team should know (see ImportPreview.warnings). */
export interface RowWarning {
  /** the row number as Excel shows it */
  row: number;
  column: string;
  code: "REGION_WITHOUT_GROUP" | "REGION_OF_TWO_GROUPS";
  /** the region and group names in it are the campaign's data, as the file and the groups write them */
  message: Text;
}

/** The campaign's groups by region (lib/assignment): each 市州 in any of its name forms finds its group. */
export async function groupsByRegion(db: Reader, campaignId: string) {
  // oldest first: when two groups name one region, the one set up first keeps it
  const groups = await db.group.findMany({
    where: { campaignId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, name: true, region: true },
  });
  return regionGroups(groups.map((group) => ({ region: group.region, group })));
}

/** The region column's header as the file writes it, for the warnings to name it. */
function regionHeader(header: HeaderMapping | null): string | null {
  return header?.columns.find((column) => column.field === "region")?.header || null;
}

/** A warning for each new candidate whose region no group covers, or two groups claim. */
function regionWarnings(
  plan: ImportPlan,
  groups: Awaited<ReturnType<typeof groupsByRegion>>,
  regionColumn: string,
): RowWarning[] {
  const shared = new Map(groups.conflicts.map((c) => [c.region, c.groups.map((g) => g.name)]));
  const warnings: RowWarning[] = [];
  for (const { row, patch } of plan.create) {
    const region = patch.region ?? "";
    const group = groups.groupOf(region);
    if (!group) {
      warnings.push({
        row,
        column: regionColumn,
        code: "REGION_WITHOUT_GROUP",
        message: region
          ? text("imports.rowWarnings.regionWithoutGroup", { region })
          : text("imports.rowWarnings.noRegion"),
      });
      continue;
    }
    const claimants = shared.get(regionKey(region));
    if (claimants) {
      warnings.push({
        row,
        column: regionColumn,
        code: "REGION_OF_TWO_GROUPS",
        message: text("imports.rowWarnings.regionOfTwoGroups", {
          region,
          groups: listText(claimants),
          group: group.name,
        }),
      });
    }
  }
  return warnings;
}

const SNAPSHOT_SELECT = {
  id: true,
  examNo: true,
  name: true,
  gender: true,
  phones: true,
  region: true,
  school: true,
  major: true,
  firstChoice: true,
  admitted: true,
  paid: true,
  enrollment: true,
  enrollmentRecord: true,
} as const;

async function snapshots(db: Reader, campaignId: string, examNos: string[]) {
  const found = new Map<string, CandidateSnapshot>();
  for (let i = 0; i < examNos.length; i += 5000) {
    const rows = await db.candidate.findMany({
      where: { campaignId, examNo: { in: examNos.slice(i, i + 5000) } },
      select: SNAPSHOT_SELECT,
    });
    for (const row of rows) found.set(row.examNo, row);
  }
  return found;
}

/**
 * A 报到 list is the full list to date: the candidates an earlier list put on the record are read too,
 * so that the plan takes off it those this list no longer names.
 */
async function onTheListRecord(db: Reader, campaignId: string, found: Map<string, CandidateSnapshot>) {
  const rows = await db.candidate.findMany({
    where: { campaignId, enrollmentRecord: "LIST" },
    select: SNAPSHOT_SELECT,
  });
  for (const row of rows) if (!found.has(row.examNo)) found.set(row.examNo, row);
  return found;
}

export async function previewImport(
  // a transaction client works too: under the embedded database (one session) an action must read
  // through its own transaction, never through a second connection, or it waits on itself
  prisma: Reader,
  input: {
    campaignId: string;
    kind: ListKind;
    path: string;
    mapping?: MappingChoice;
    /** the file's sha-256 when already known: a stored upload's, computed as it arrived and checked as it was read */
    fileHash?: string;
  },
): Promise<ImportPreview> {
  const records: ListRecord[] = [];
  let header: HeaderMapping | null = null;
  const report = await checkListFile(input.path, input.kind, (record) => records.push(record), {
    mapping: input.mapping,
    onHeader: (found) => {
      header = found;
    },
  });
  const fileHash = input.fileHash ?? (await fileSha256(input.path));
  const applied = await prisma.importBatch.findFirst({
    where: { campaignId: input.campaignId, kind: IMPORT_KIND[input.kind], fileHash, status: "APPLIED" },
    select: { id: true },
  });
  if (report.errors.length > 0 || report.duplicates.length > 0) {
    return {
      report,
      plan: null,
      records,
      fileHash,
      alreadyApplied: Boolean(applied),
      header,
      warnings: [],
      prospects: null,
    };
  }
  const previous = await prisma.importBatch.findFirst({
    where: { campaignId: input.campaignId, kind: IMPORT_KIND[input.kind], status: "APPLIED" },
    orderBy: { createdAt: "desc" },
    select: { examNos: true },
  });
  const existing = await snapshots(
    prisma,
    input.campaignId,
    records.map((r) => r.examNo),
  );
  if (input.kind === "baodao") await onTheListRecord(prisma, input.campaignId, existing);
  const plan = planImport(input.kind, records, existing, previous?.examNos ?? null);
  const regionColumn = regionHeader(header) ?? FIELDS.region.aliases[0] ?? "region";
  const warnings =
    plan.create.length > 0 ? regionWarnings(plan, await groupsByRegion(prisma, input.campaignId), regionColumn) : [];
  const prospects =
    input.kind === "toudang" ? await matchProspectsToList(prisma, input.campaignId, listKeys(records)) : null;
  return { report, plan, records, fileHash, alreadyApplied: Boolean(applied), header, warnings, prospects };
}

/**
 * What the list upload route answers and the import page shows: the preview cut to what a page can
 * hold (the first errors, warnings and changes, with their counts), about the stored upload.
 */
export function previewResponse(
  preview: ImportPreview,
  upload: { fileHash: string; fileName: string; format: "xlsx" | "csv"; kind: ListKind; mappingChosen: boolean },
) {
  const { report, plan } = preview;
  return {
    ...upload,
    alreadyApplied: preview.alreadyApplied,
    header: preview.header,
    rows: report.rows,
    valid: report.valid,
    encoding: report.encoding ?? null,
    errors: report.errors.slice(0, 200),
    errorCount: report.errors.length,
    duplicates: report.duplicates.slice(0, 100),
    /** rows that can be imported but not as wished (a region no group covers) */
    warnings: preview.warnings.slice(0, 200),
    warningCount: preview.warnings.length,
    /** phase 1's prospects the 投档 list names: counts, and the first rows of each (names, no phones) */
    prospects: preview.prospects && {
      matched: preview.prospects.matched.length,
      ambiguous: preview.prospects.ambiguous.length,
      unmatched: preview.prospects.unmatched.length,
      matchedRows: preview.prospects.matched.slice(0, 50),
      ambiguousRows: preview.prospects.ambiguous.slice(0, 50),
    },
    plan: plan && {
      create: plan.create.length,
      update: plan.update.length,
      unchanged: plan.unchanged,
      missing: plan.missing.slice(0, 100),
      missingCount: plan.missing.length,
      unknown: plan.unknown.slice(0, 100),
      unknownCount: plan.unknown.length,
      changes: plan.update.slice(0, 50),
      /** 报到 lists: how many candidates become confirmed, and how many are no longer confirmed */
      record: plan.record,
    },
  };
}

export type PreviewResponse = ReturnType<typeof previewResponse>;
