// The staff list (人员名单, issue 13) against the accounts that exist: who gets a new account, who (last
// year's caller) only joins this campaign. Pure: the apply (lib/staff/import.ts) and the preview read the
// database and hand the accounts found here.
import type { PoolStatus, QualificationStatus, StaffIdentity, StaffSource } from "@/generated/prisma/enums";
import type { StaffRecord } from "@/lib/import/check";
import { poolEntry } from "./pool";

/** One valid row of the list, as the accounts and the staff pool take it. */
export interface StaffRow {
  /** the row number as Excel shows it */
  row: number;
  login: string;
  name: string;
  phone: string;
  identity: StaffIdentity;
  department: string | null;
  source: StaffSource;
  /** only a student can be a student cadre: a teacher's 是 is not kept */
  studentCadre: boolean;
  region: string | null;
}

/** A record the checker let through, with the list's defaults: no 来源 is 自愿报名 (VOLUNTEER). */
export function staffRow(record: StaffRecord): StaffRow {
  const v = record.values;
  const identity = v.identity as StaffIdentity;
  return {
    row: record.row,
    login: record.key,
    name: v.name as string,
    phone: v.phone as string,
    identity,
    department: typeof v.department === "string" ? v.department : null,
    source: (v.source as StaffSource | undefined) ?? "VOLUNTEER",
    studentCadre: identity === "STUDENT" && v.studentCadre === true,
    region: typeof v.region === "string" ? v.region : null,
  };
}

/** An account the list names that exists already, and whether it is in the campaign's staff pool. */
export interface ExistingAccount {
  id: string;
  login: string;
  roles: readonly string[];
  /** its staff profile in the campaign being imported into, if any */
  inCampaign: boolean;
  /** false for a disabled account (a past student's, say): the list does not enable it again */
  active: boolean;
}

export type NewPerson = StaffRow & { poolStatus: PoolStatus; qualification: QualificationStatus };
export type KnownPerson = StaffRow & {
  userId: string;
  joins: boolean;
  addsCaller: boolean;
  /** the account is disabled: it joins, but cannot sign in until an admin enables it on the person's page */
  disabled: boolean;
};

export interface StaffPlan {
  /** new logins: an account each, with a temporary password, and a place in the pool */
  create: NewPerson[];
  /** logins that exist: no new password; details updated; a staff profile when they have none */
  existing: KnownPerson[];
}

/**
 * Splits the list's rows by whether their login exists; each new person's pool entry by its source. A
 * login on several rows counts once, by its first row (such a list is refused, but its preview says
 * how many people it names).
 */
export function planStaffImport(rows: readonly StaffRow[], accounts: ReadonlyMap<string, ExistingAccount>): StaffPlan {
  const plan: StaffPlan = { create: [], existing: [] };
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.login)) continue;
    seen.add(row.login);
    const account = accounts.get(row.login);
    if (account) {
      plan.existing.push({
        ...row,
        userId: account.id,
        joins: !account.inCampaign,
        addsCaller: !account.roles.includes("CALLER"),
        disabled: !account.active,
      });
    } else {
      plan.create.push({ ...row, ...poolEntry(row.source) });
    }
  }
  return plan;
}

/** The preview route's answer (app/(app)/admin/staff/import/preview/route.ts), as the page reads it. */
export interface StaffPreviewResponse {
  fileHash: string;
  format: "xlsx" | "csv";
  fileName: string;
  rows: number;
  valid: number;
  counts: { created: number; existing: number; disabled: number; errorRows: number; duplicates: number };
  /** no errors, no duplicates, someone to import */
  applicable: boolean;
  /** the first rows of each kind; the counts are of the whole list */
  created: NewPerson[];
  existing: Omit<KnownPerson, "userId">[];
  errors: { row: number; column: string; code: string; message: string }[];
  errorCount: number;
  duplicates: { login: string; rows: number[] }[];
}
