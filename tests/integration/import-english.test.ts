// The import page's answers and the exports for an English reader (the NEXT_LOCALE cookie): row errors travel as
// sentences with their values, refusals and the error report are in English, while what the file
// brought (its header texts, its cells) stays as written.
import ExcelJS from "exceljs";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { GET as exportList } from "@/app/api/exports/[kind]/route";
import { GET as errorReport } from "@/app/api/imports/errors/route";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, type Text } from "@/lib/i18n/text";
import { createCampaign, createUser } from "@/prisma/seed/factories";
import { csvText } from "../support/import-fixtures";
import { signInAs } from "../support/session";

const cookie = vi.hoisted(() => ({ locale: "en" as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "NEXT_LOCALE" && cookie.locale ? { value: cookie.locale } : undefined),
  }),
}));

function upload(content: string, name = "名单.csv") {
  const form = new FormData();
  form.set("file", new File([content], name, { type: "text/csv" }));
  form.set("kind", "toudang");
  return POST(
    new Request("http://localhost/api/imports", {
      method: "POST",
      body: form,
      headers: { origin: "http://localhost", host: "localhost" },
    }),
  );
}

const BAD = csvText([
  ["考生号", "姓名", "联系电话", "地区"],
  ["2.45E+13", "戊", "12345", "成都"],
]);

describe("the import page in English", () => {
  beforeAll(async () => {
    await createCampaign(db(), { now: new Date(), openPhase: 2 });
    signInAs(await createUser(db(), { login: `import-en-${Date.now()}`, roles: ["DATA"] }));
  });
  beforeEach(() => {
    cookie.locale = "en";
  });

  it("answers row errors as sentences with the file's values, readable in either language", async () => {
    const response = await upload(BAD);
    expect(response.status).toBe(200);
    const preview = (await response.json()) as { errors: { row: number; column: string; message: Text }[] };
    const phone = preview.errors.find((e) => e.column === "联系电话");
    expect(phone?.message).toEqual({ key: "imports.rowErrors.phoneKind", values: { value: "12345" } });
    const message = phone?.message as Text;
    expect(renderText(translatorFor("en"), message)).toBe(
      "“12345” is neither a valid mobile number (11 digits) nor a landline number with its area code.",
    );
    expect(renderText(translatorFor("zh-CN"), message)).toBe("“12345”不是有效的手机号（11 位）或带区号的座机号。");
  });

  it("refuses an unreadable file in English", async () => {
    const response = await upload("not a spreadsheet", "名单.pdf");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      code: "UNREADABLE",
      error: "Only .xlsx and .csv files can be imported (save an .xls file from Excel as .xlsx first).",
    });
  });

  it("writes the error report in English, the file's header texts as they were", async () => {
    const { fileHash } = (await (await upload(BAD)).json()) as { fileHash: string };
    const query = new URLSearchParams({ fileHash, format: "csv", kind: "toudang" });
    const response = await errorReport(new Request(`http://localhost/api/imports/errors?${query}`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("Submission list errors.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Errors");
    const lines: unknown[][] = [];
    sheet?.eachRow((row) => lines.push((row.values as unknown[]).slice(1)));
    expect(lines).toEqual([
      ["Row", "Column", "Error code", "Description"],
      [
        2,
        "考生号",
        "EXAM_NO_SCIENTIFIC",
        "Excel shows the exam number in scientific notation (such as 2.45E+13), so its digits are lost. Format the column as text and export the file again.",
      ],
      [
        2,
        "联系电话",
        "PHONE_FORMAT",
        "“12345” is neither a valid mobile number (11 digits) nor a landline number with its area code.",
      ],
    ]);
  });

  it("exports the candidate list with English headers, sheet and file names, the data as stored", async () => {
    const response = await exportList(new Request("http://localhost/api/exports/campaign"), {
      params: Promise.resolve({ kind: "campaign" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(
      encodeURIComponent("Candidates - All candidates.xlsx"),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe("Candidates");
    expect(workbook.creator).toBe("Huifang");
    expect(((sheet?.getRow(1).values ?? []) as unknown[]).slice(1, 4)).toEqual(["Exam number", "Name", "Gender"]);
    // the audit names the scope as before, whatever the reader's language
    expect(
      await db().auditLog.findFirst({ where: { action: "export.campaign" }, orderBy: { createdAt: "desc" } }),
    ).toMatchObject({ entityId: "全部考生" });
  });
});
