import { z } from "zod";
import { route, routeFailure } from "@/lib/action";
import { buildWorkbook, xlsxResponse } from "@/lib/export/workbook";
import type { Credential } from "@/lib/staff/import";

/** At most as many people as a list may hold in practice; the body is a few hundred bytes a person. */
const MAX_PEOPLE = 5000;

const sheetInput = z
  .object({
    people: z
      .array(
        z
          .object({
            login: z.string().min(1).max(64),
            name: z.string().min(1).max(40),
            temporaryPassword: z.string().min(1).max(64),
          })
          .strict(),
      )
      .min(1)
      .max(MAX_PEOPLE),
  })
  .strict();

/**
 * The credentials sheet of a staff list's apply as xlsx. The temporary passwords are kept nowhere on
 * the server: they live only in the apply action's answer, in the admin's browser, which posts them
 * back here to get the file. Built here rather than in the browser because exceljs would add about a
 * megabyte to the page for one download; this route stores nothing, logs nothing of the body and
 * audits nothing (no data is read), answers only an admin (staff.manage), and like every route that
 * is not a GET refuses a post from another site (lib/action/route.ts). The answer is never cached.
 */
export const POST = route({ name: "staff.credentialsSheet", permission: "staff.manage" }, async (request, { t }) => {
  const body = await request.json().catch(() => null);
  const parsed = sheetInput.safeParse(body);
  if (!parsed.success) return routeFailure("INVALID_INPUT", t("staffImport.refusals.badRows"));
  const note = t("staffImport.sheet.note");
  const file = await buildWorkbook<Credential>({
    name: t("staffImport.sheet.name"),
    creator: t("app.name"),
    rows: parsed.data.people,
    columns: [
      { header: t("staffImport.sheet.login"), width: 16, value: (p) => p.login },
      { header: t("staffImport.sheet.name"), width: 14, value: (p) => p.name },
      { header: t("staffImport.sheet.password"), width: 18, value: (p) => p.temporaryPassword },
      { header: t("staffImport.sheet.note"), width: 24, value: () => note },
    ],
  });
  return xlsxResponse(file, t("staffImport.sheet.fileName"), "new-accounts.xlsx");
});
