"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { uploadStore } from "@/lib/import/upload-store";
import { applyStaffImport } from "@/lib/staff/import";
import { prepareStaffUpload } from "@/lib/staff/import-queries";
import { databaseStore } from "@/lib/storage";

const applyInput = z
  .object({
    fileHash: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(["xlsx", "csv"]),
    fileName: z.string().trim().min(1).max(200),
  })
  .strict();

/**
 * Applies a previewed staff list (identified by its hash) in one transaction: new accounts with their
 * temporary passwords, which come back in this answer only (the page shows them once; they are never
 * stored in clear nor audited), and last year's callers joining the current campaign. The passwords
 * are made and hashed before the transaction opens (lib/staff/import.ts prepareStaffImport).
 */
export const applyStaffList = action(
  {
    name: "user.importList",
    permission: "staff.manage",
    schema: applyInput,
    // a list of a few hundred people: their accounts, profiles and the audit row
    timeoutMs: 120_000,
    prepare: (input) => prepareStaffUpload(uploadStore(), input),
  },
  async (input, context, prepared) => {
    // everything through `tx`: a second connection would wait on this transaction under PGlite
    const result = await applyStaffImport(context, databaseStore(context.tx), input, prepared);
    revalidatePath("/admin/staff");
    revalidatePath("/inspection/staff");
    return result;
  },
);
