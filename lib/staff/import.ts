// Accounts from a staff list (人员名单, issue 13): the preview the page shows before anything is written,
// and the apply, one transaction through the action wrapper. New logins get an account (role CALLER, a
// temporary password to be changed at the first sign-in) and a place in the current campaign's staff
// pool; logins that exist (last year's callers) keep their password, have their details updated and
// join the campaign. The temporary passwords leave here only in the action's answer: never stored in
// clear, never audited.
import { availableParallelism } from "node:os";
import type { StaffIdentity } from "@/generated/prisma/enums";
import { newAccountData, temporaryCredentials } from "@/lib/accounts/create-account";
import { ActionError } from "@/lib/action/errors";
import type { ActionContext } from "@/lib/action/run";
import { CURRENT_CAMPAIGN_FIRST } from "@/lib/campaign/latest";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import type { CheckReport, DuplicateLogin, StaffRecord } from "@/lib/import/check";
import { checkStaffListFile } from "@/lib/import/check-file";
import { UnreadableFileError } from "@/lib/import/read";
import { deleteUpload, type ListFormat, withUploadedList } from "@/lib/import/uploads";
import type { FileStore } from "@/lib/storage";
import { type ExistingAccount, planStaffImport, type StaffPlan, type StaffRow, staffRow } from "./import-plan";
import { poolEntry } from "./pool";

type Reader = PrismaClient | Prisma.TransactionClient;

export interface StaffUpload {
  fileHash: string;
  format: ListFormat;
}

/** How many rows of each kind the preview shows; the counts are of the whole list. */
export const STAFF_PREVIEW_ROWS = 20;

export interface StaffListRead {
  fileHash: string;
  report: CheckReport<DuplicateLogin>;
  rows: StaffRow[];
}

/** The stored upload checked as a staff list; null when it is no longer stored. */
export async function readStaffList(store: FileStore, upload: StaffUpload): Promise<StaffListRead | null> {
  return withUploadedList(store, upload, async (path, stored) => {
    const records: StaffRecord[] = [];
    const report = await checkStaffListFile(path, (record) => records.push(record));
    return { fileHash: stored.sha256, report, rows: records.map(staffRow) };
  });
}

/** The accounts among `logins` that exist, with whether each is in the campaign's staff pool. */
export async function existingAccounts(
  reader: Reader,
  campaignId: string,
  logins: readonly string[],
): Promise<Map<string, ExistingAccount & AccountDetails>> {
  const found = new Map<string, ExistingAccount & AccountDetails>();
  for (let i = 0; i < logins.length; i += 5000) {
    const users = await reader.user.findMany({
      where: { login: { in: logins.slice(i, i + 5000) } },
      select: {
        id: true,
        login: true,
        roles: true,
        active: true,
        name: true,
        phone: true,
        identity: true,
        department: true,
        staffProfiles: { where: { campaignId }, select: { id: true, studentCadre: true, region: true } },
      },
    });
    for (const { staffProfiles, ...user } of users) {
      const profile = staffProfiles[0] ?? null;
      found.set(user.login, { ...user, inCampaign: profile !== null, profile });
    }
  }
  return found;
}

interface AccountDetails {
  name: string;
  phone: string | null;
  identity: StaffIdentity | null;
  department: string | null;
  profile: { id: string; studentCadre: boolean; region: string | null } | null;
}

/** Rows the checker refused (the header's missing columns count as the header row). */
export function rowsWithErrors(report: CheckReport<DuplicateLogin>): number {
  return new Set(report.errors.map((e) => e.row)).size;
}

export interface StaffPreview {
  rows: number;
  valid: number;
  counts: { created: number; existing: number; disabled: number; errorRows: number; duplicates: number };
  plan: StaffPlan;
  report: CheckReport<DuplicateLogin>;
  /** the list can be applied: it has no errors nor duplicates, and someone to import */
  applicable: boolean;
}

/** What applying the list would do, read against the accounts and the campaign; nothing is written. */
export async function previewStaffList(reader: Reader, campaignId: string, list: StaffListRead): Promise<StaffPreview> {
  const accounts = await existingAccounts(
    reader,
    campaignId,
    list.rows.map((r) => r.login),
  );
  const plan = planStaffImport(list.rows, accounts);
  const { report } = list;
  return {
    rows: report.rows,
    valid: report.valid,
    counts: {
      created: plan.create.length,
      existing: plan.existing.length,
      disabled: plan.existing.filter((p) => p.disabled).length,
      errorRows: rowsWithErrors(report),
      duplicates: report.duplicates.length,
    },
    plan,
    report,
    applicable: report.errors.length === 0 && report.duplicates.length === 0 && report.valid > 0,
  };
}

/** A list with errors or duplicates is refused whole: nobody is imported until the file is corrected. */
function refuseProblems(report: CheckReport<DuplicateLogin>): void {
  if (report.errors.length === 0 && report.duplicates.length === 0) return;
  throw new ActionError("INVALID_INPUT", {
    fileHash: [
      text("staffImport.refusals.hasProblems", {
        errors: rowsWithErrors(report),
        duplicates: report.duplicates.length,
      }),
    ],
  });
}

async function currentCampaignId(reader: Reader): Promise<string> {
  const campaign = await reader.campaign.findFirst({ orderBy: CURRENT_CAMPAIGN_FIRST, select: { id: true } });
  if (!campaign) throw new ActionError("NOT_FOUND", { fileHash: [text("staffImport.refusals.noCampaign")] });
  return campaign.id;
}

function uploadGone(): never {
  throw new ActionError("INVALID_INPUT", { fileHash: [text("staffImport.refusals.uploadGone")] });
}

/** A temporary password and its hash, for each new login. */
export type PreparedPasswords = Map<string, { password: string; passwordHash: string }>;

/**
 * Before the apply's transaction: the list read and checked, the new logins found, and a temporary
 * password made and hashed for each. argon2id takes about 50 ms a password here; the hashes run side by
 * side, one per core, so a 300-row list takes seconds, during which no transaction is held. Refuses
 * what the apply would refuse (no campaign, a list with problems, an upload no longer stored).
 */
export async function prepareStaffImport(
  reader: Reader,
  store: FileStore,
  upload: StaffUpload,
): Promise<PreparedPasswords> {
  const campaignId = await currentCampaignId(reader);
  const list = await readStaffListOrRefuse(store, upload);
  refuseProblems(list.report);
  const accounts = await existingAccounts(
    reader,
    campaignId,
    list.rows.map((r) => r.login),
  );
  const logins = planStaffImport(list.rows, accounts).create.map((person) => person.login);
  const prepared: PreparedPasswords = new Map();
  await eachLimited(logins, Math.max(1, availableParallelism()), async (login) => {
    prepared.set(login, await temporaryCredentials(login));
  });
  return prepared;
}

async function readStaffListOrRefuse(store: FileStore, upload: StaffUpload): Promise<StaffListRead> {
  const list = await readStaffList(store, upload).catch((error: unknown) => {
    if (error instanceof UnreadableFileError) throw new ActionError("INVALID_INPUT", { fileHash: [error.reason] });
    throw error;
  });
  // the file read must be the one previewed, byte for byte
  if (!list || list.fileHash !== upload.fileHash) uploadGone();
  return list;
}

async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** One new account's credentials as the sheet shows them: handed over once, never kept. */
export interface Credential {
  login: string;
  name: string;
  temporaryPassword: string;
}

export interface StaffImportResult {
  created: Credential[];
  /** existing accounts that joined this campaign's staff pool */
  joined: number;
  /** existing accounts whose details (name, mobile, identity, school, region, cadre) changed */
  updated: number;
}

/**
 * Applies a checked staff list in the action's transaction: the list is read and checked again
 * through `tx` (the upload may have been previewed on another instance), refused whole when it has
 * problems, and written with the passwords `prepare` hashed. Applying the same list again creates
 * nobody twice: its people exist then, and only what changed is written. The upload is deleted.
 */
export async function applyStaffImport(
  ctx: ActionContext,
  store: FileStore,
  input: StaffUpload & { fileName: string },
  prepared: PreparedPasswords,
): Promise<StaffImportResult> {
  const campaignId = await currentCampaignId(ctx.tx);
  const list = await readStaffListOrRefuse(store, input);
  refuseProblems(list.report);
  const result = await addStaffRows(ctx, campaignId, list.rows, prepared, {
    fileName: input.fileName,
    fileHash: input.fileHash,
    rows: list.report.rows,
  });
  // applied: the list's personal data leaves the store with this transaction
  await deleteUpload(store, input);
  return result;
}

/**
 * The checked rows of a staff list written to the accounts and the campaign's staff pool, with the
 * passwords made for the new logins: the apply above, and the demo seed's own list. Audited as counts,
 * never a password nor the people's details (they are in the accounts themselves).
 */
export async function addStaffRows(
  { tx, audit, unchanged }: ActionContext,
  campaignId: string,
  rows: readonly StaffRow[],
  prepared: PreparedPasswords,
  list: { fileName: string; fileHash: string; rows: number },
): Promise<StaffImportResult> {
  const accounts = await existingAccounts(
    tx,
    campaignId,
    rows.map((r) => r.login),
  );
  const plan = planStaffImport(rows, accounts);
  // a login that was not there when the passwords were made, and is not there now, has no password:
  // it cannot happen unless the list changed in between, and is then refused (the page checks again)
  const credentials = plan.create.map((person) => {
    const secret = prepared.get(person.login);
    if (!secret) uploadGone();
    return { person, secret };
  });
  const users = await tx.user.createManyAndReturn({
    data: credentials.map(({ person, secret }) =>
      newAccountData({ ...person, roles: ["CALLER"] }, secret.passwordHash),
    ),
    select: { id: true, login: true },
  });
  const userIds = new Map(users.map((u) => [u.login, u.id]));
  await tx.staffProfile.createMany({
    data: plan.create.map((person) => ({
      campaignId,
      userId: userIds.get(person.login) as string,
      source: person.source,
      poolStatus: person.poolStatus,
      qualification: person.qualification,
      studentCadre: person.studentCadre,
      region: person.region,
    })),
  });

  let joined = 0;
  let updated = 0;
  for (const person of plan.existing) {
    const account = accounts.get(person.login);
    if (!account) continue;
    const details = {
      name: person.name,
      phone: person.phone,
      identity: person.identity,
      department: person.department ?? account.department,
    };
    const detailsChanged =
      details.name !== account.name ||
      details.phone !== account.phone ||
      details.identity !== account.identity ||
      details.department !== account.department ||
      person.addsCaller;
    if (detailsChanged) {
      await tx.user.update({
        where: { id: account.id },
        data: { ...details, ...(person.addsCaller ? { roles: { push: "CALLER" } } : {}) },
      });
    }
    let profileChanged = false;
    if (!account.profile) {
      await tx.staffProfile.create({
        data: {
          campaignId,
          userId: account.id,
          source: person.source,
          ...poolEntry(person.source),
          studentCadre: person.studentCadre,
          region: person.region,
        },
      });
      joined += 1;
    } else {
      const region = person.region ?? account.profile.region;
      profileChanged = account.profile.studentCadre !== person.studentCadre || account.profile.region !== region;
      // the source and the pool status stay: the review may have moved the person since they joined
      if (profileChanged) {
        await tx.staffProfile.update({
          where: { id: account.profile.id },
          data: { studentCadre: person.studentCadre, region },
        });
      }
    }
    if (detailsChanged || profileChanged) updated += 1;
  }

  if (plan.create.length === 0 && joined === 0 && updated === 0) unchanged();
  else {
    // counts only: never a password, nor the people's details (they are in the accounts themselves)
    audit({
      entityType: "Campaign",
      entityId: campaignId,
      after: {
        fileName: list.fileName,
        fileHash: list.fileHash,
        rows: list.rows,
        created: plan.create.length,
        joined,
        updated,
        unchanged: plan.existing.length - updated,
      },
    });
  }
  return {
    created: credentials.map(({ person, secret }) => ({
      login: person.login,
      name: person.name,
      temporaryPassword: secret.password,
    })),
    joined,
    updated,
  };
}
