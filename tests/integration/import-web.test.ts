import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { applyUpload, undoUpload } from "@/app/(app)/admin/imports/actions";
import { GET as errorReport } from "@/app/api/imports/errors/route";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import { smallFile } from "@/lib/storage";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { csvText } from "../support/import-fixtures";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;

function uploadRequest(content: string, kind = "toudang", origin = "http://localhost") {
  const form = new FormData();
  form.set("file", new File([content], "投档名单.csv", { type: "text/csv" }));
  form.set("kind", kind);
  // as a browser on http://localhost sends it: the host it addressed, and its own origin
  return new Request("http://localhost/api/imports", {
    method: "POST",
    body: form,
    headers: { origin, host: "localhost" },
  });
}

const LIST = csvText([
  ["考生号", "姓名", "联系电话", "地区"],
  ["24510101000101", "甲", "13800000101", "成都"],
  ["24510101000102", "乙", "13800000102", "成都市"],
]);

describe("importing from the web page", () => {
  let data: User;
  let caller: User;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2 });
    data = await createUser(db(), { login: "web-data", roles: ["DATA"] });
    caller = await createUser(db(), { login: "web-caller", roles: ["CALLER"] });
    const group = await createGroup(db(), { campaignId: campaign.id, name: "一组", region: "成都" });
    await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
  });

  it("previews, applies once, refuses the same file again, and undoes", async () => {
    signInAs(data);
    const response = await POST(uploadRequest(LIST));
    expect(response.status).toBe(200);
    const preview = (await response.json()) as {
      fileHash: string;
      format: "csv";
      rows: number;
      plan: { create: number };
    };
    expect(preview).toMatchObject({ rows: 2, format: "csv", plan: { create: 2 } });
    expect(await db().candidate.count()).toBe(0);

    const applied = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
    });
    expect(applied).toMatchObject({ ok: true, data: { created: 2, updated: 0, unassigned: 0 } });
    expect(await db().candidate.count({ where: { assignedCallerId: caller.id } })).toBe(2);
    expect(await db().auditLog.count({ where: { action: "import.apply" } })).toBe(1);

    // the applied upload left the store with its apply: the same hash again finds nothing to apply
    const stale = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
    });
    expect(stale).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { fileHash: [expect.any(String)] } });
    // uploaded again, it previews as already applied and is refused
    expect(await (await POST(uploadRequest(LIST))).json()).toMatchObject({ alreadyApplied: true });
    const again = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
    });
    expect(again).toMatchObject({ ok: false, code: "CONFLICT" });
    expect(await db().candidate.count()).toBe(2);

    if (!applied.ok) throw new Error("unreachable");
    expect(await undoUpload({ batchId: applied.data.batchId })).toMatchObject({ ok: true });
    expect(await db().candidate.count()).toBe(0);
  });

  it("refuses to apply a stored file that is not the posted one, byte for byte", async () => {
    signInAs(data);
    const before = await db().candidate.count();
    const other = csvText([
      ["考生号", "姓名", "联系电话", "地区"],
      ["24510101000901", "丙", "13800000901", "成都"],
    ]);
    // under the posted hash's name lies another list (a copy cut or replaced by another upload)
    const posted = createHash("sha256").update("the list that was previewed").digest("hex");
    await db().storedFile.create({
      data: smallFile({ kind: "LIST_UPLOAD", key: `${posted}.csv`, mimeType: "text/csv" }, Buffer.from(other)),
    });
    const refused = await applyUpload({ fileHash: posted, format: "csv", kind: "toudang", fileName: "x.csv" });
    expect(refused).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { fileHash: ["找不到上传的文件，请重新上传。"] },
    });
    expect(await db().candidate.count()).toBe(before);
    await db().storedFile.deleteMany({ where: { key: `${posted}.csv` } });
  });

  it("answers a file it cannot read with a Chinese message", async () => {
    signInAs(data);
    const form = new FormData();
    form.set("file", new File(["not a spreadsheet"], "名单.pdf"));
    form.set("kind", "toudang");
    const response = await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/只支持 \.xlsx 和 \.csv/);
  });

  it.each([
    ["no session", null, "http://localhost", 401],
    ["a caller", "caller", "http://localhost", 403],
    ["a post from another site", "data", "https://evil.example", 403],
  ] as const)("refuses %s", async (_, who, origin, status) => {
    signInAs(who === null ? null : who === "caller" ? caller : data);
    const response = await POST(uploadRequest(LIST, "toudang", origin));
    expect(response.status).toBe(status);
  });

  it("refuses the apply action to a caller", async () => {
    signInAs(caller);
    const result = await applyUpload({ fileHash: "0".repeat(64), format: "csv", kind: "toudang", fileName: "x.csv" });
    expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });
});

describe("correcting the column mapping, and the error report", () => {
  let data: User;
  let caller: User;
  // 学号 and 片区 are not names the checker knows: without a corrected mapping nothing can be imported
  const UNKNOWN_HEADER = csvText([
    ["学号", "姓名", "电话", "片区", "备注"],
    ["24510101000201", "丙", "13800000201", "成都", "转专业"],
    ["24510101000202", "丁", "13800000202", "成都", ""],
  ]);
  const MAPPING = { row: 1, fields: ["examNo", "name", "phones", "region", null] };

  function upload(content: string, mapping?: unknown) {
    const form = new FormData();
    form.set("file", new File([content], "补充名单.csv", { type: "text/csv" }));
    form.set("kind", "toudang");
    if (mapping !== undefined) form.set("mapping", typeof mapping === "string" ? mapping : JSON.stringify(mapping));
    return POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
  }

  beforeAll(async () => {
    data = await createUser(db(), { login: "map-data", roles: ["DATA"] });
    caller = await createUser(db(), { login: "map-caller", roles: ["CALLER"] });
  });

  it("shows the proposed header, previews again with the corrected mapping, and applies with it", async () => {
    signInAs(data);
    const first = (await (await upload(UNKNOWN_HEADER)).json()) as {
      errors: { code: string }[];
      plan: unknown;
      header: unknown;
      mappingChosen: boolean;
    };
    expect(first.errors.map((e) => e.code)).toEqual(["NO_HEADER"]);
    expect(first.plan).toBeNull();
    expect(first.mappingChosen).toBe(false);
    expect(first.header).toEqual({
      row: 1,
      columns: [
        { header: "学号", field: null },
        { header: "姓名", field: "name" },
        { header: "电话", field: "phones" },
        { header: "片区", field: null },
        { header: "备注", field: null },
      ],
    });

    const corrected = await upload(UNKNOWN_HEADER, MAPPING);
    expect(corrected.status).toBe(200);
    const preview = (await corrected.json()) as { fileHash: string; mappingChosen: boolean; plan: { create: number } };
    expect(preview).toMatchObject({ mappingChosen: true, plan: { create: 2 } });

    // the apply checks the file again: without the mapping it is refused, with it it goes through
    const input = { fileHash: preview.fileHash, format: "csv", kind: "toudang", fileName: "补充名单.csv" };
    expect(await applyUpload(input)).toMatchObject({
      ok: false,
      fieldErrors: { fileHash: ["文件有错误，请改正后重新上传。"] },
    });
    expect(await applyUpload({ ...input, mapping: MAPPING })).toMatchObject({ ok: true, data: { created: 2 } });
    const names = await db().candidate.findMany({
      where: { examNo: { in: ["24510101000201", "24510101000202"] } },
      select: { name: true, region: true },
      orderBy: { examNo: "asc" },
    });
    expect(names).toEqual([
      { name: "丙", region: "成都" },
      { name: "丁", region: "成都" },
    ]);
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "import.apply" },
      orderBy: { createdAt: "desc" },
    });
    expect(audit.after).toMatchObject({ mapping: MAPPING });
  });

  it("refuses a mapping that feeds one field from two columns, in Chinese, writing nothing", async () => {
    signInAs(data);
    const before = await db().candidate.count();
    const response = await upload(UNKNOWN_HEADER, { row: 1, fields: ["examNo", "name", "phones", "region", "name"] });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: "INVALID_INPUT",
      error: "“姓名”只能对应一列，请把多余的列设为“不导入”。",
    });
    expect((await upload(UNKNOWN_HEADER, "{oops")).status).toBe(400);
    const refused = await applyUpload({
      fileHash: "a".repeat(64),
      format: "csv",
      kind: "toudang",
      fileName: "x.csv",
      mapping: { row: 1, fields: ["examNo", "examNo"] },
    });
    expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().candidate.count()).toBe(before);
  });

  it("downloads every row error as xlsx, checked with the mapping the preview used", async () => {
    signInAs(data);
    const bad = csvText([
      ["学号", "姓名", "电话", "片区"],
      ["2.45E+13", "戊", "12345", "成都"],
      ["24510101000301", '=HYPERLINK("http://x")', "13800000301", "成都"],
      ["24510101000301", "己", "13800000302", ""],
    ]);
    const mapping = { row: 1, fields: ["examNo", "name", "phones", "region"] };
    const { fileHash } = (await (await upload(bad, mapping)).json()) as { fileHash: string };
    const url = (query: Record<string, string>) =>
      new Request(`http://localhost/api/imports/errors?${new URLSearchParams(query)}`);
    const query = { fileHash, format: "csv", kind: "toudang", mapping: JSON.stringify(mapping) };
    const response = await errorReport(url(query));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("投档名单错误报告.xlsx"));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.worksheets[0];
    const lines: unknown[][] = [];
    sheet?.eachRow((row) => lines.push((row.values as unknown[]).slice(1, 4)));
    expect(lines).toEqual([
      ["行号", "列", "错误代码"],
      [2, "学号", "EXAM_NO_SCIENTIFIC"],
      [2, "电话", expect.any(String)],
      [3, "考生号", "DUPLICATE_EXAM_NO"],
      [4, "片区", "REQUIRED"],
      [4, "考生号", "DUPLICATE_EXAM_NO"],
    ]);

    // without the mapping the same file has no header: the report says so
    const { mapping: _, ...detected } = query;
    const plain = new ExcelJS.Workbook();
    await plain.xlsx.load(
      (await (await errorReport(url(detected))).arrayBuffer()) as Parameters<typeof plain.xlsx.load>[0],
    );
    expect(plain.worksheets[0]?.getRow(2).getCell(3).value).toBe("NO_HEADER");

    expect((await errorReport(url({ ...query, fileHash: "b".repeat(64) }))).status).toBe(404);
    expect(await (await errorReport(url({ ...query, fileHash: "b".repeat(64) }))).json()).toEqual({
      code: "NOT_FOUND",
      error: "上传的文件已不在服务器上，请重新上传后再下载错误报告。",
    });
    expect((await errorReport(url({ ...query, kind: "other" }))).status).toBe(400);
    signInAs(caller);
    expect((await errorReport(url(query))).status).toBe(403);
  });
});
