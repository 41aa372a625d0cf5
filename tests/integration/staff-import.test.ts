// 人员名单导入 (issue 13): an admin uploads the college's staff list, sees what it would do, and applies it
// in one transaction: new logins become callers with a temporary password (shown once, never stored in
// clear nor audited), last year's callers join this campaign without a new password, the same list
// applied again creates nobody twice, a list with problems or no current campaign changes nothing.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { applyStaffList } from "@/app/(app)/admin/staff/import/actions";
import { POST as credentialsSheet } from "@/app/(app)/admin/staff/import/credentials/route";
import { POST as previewRoute } from "@/app/(app)/admin/staff/import/preview/route";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import type { StaffImportResult } from "@/lib/staff/import";
import type { StaffPreviewResponse } from "@/lib/staff/import-plan";
import { addStaff, createCampaign, createUser } from "@/prisma/seed/factories";
import { csvText } from "../support/import-fixtures";
import { signInAs } from "../support/session";

// argon2id for a few hundred temporary passwords
vi.setConfig({ testTimeout: 120_000 });

type User = Awaited<ReturnType<typeof createUser>>;

const HEADER = ["工号/学号", "姓名", "手机", "身份", "学院/部门", "来源", "学生干部", "地区"];

function post(path: string, body: BodyInit, origin = "http://localhost", contentType?: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    body,
    headers: { origin, host: "localhost", ...(contentType ? { "content-type": contentType } : {}) },
  });
}

async function preview(content: string, name = "人员名单.csv") {
  const form = new FormData();
  form.set("file", new File([content], name, { type: "text/csv" }));
  const response = await previewRoute(post("/admin/staff/import/preview", form));
  return { status: response.status, body: (await response.json()) as StaffPreviewResponse & { code?: string } };
}

async function apply(list: StaffPreviewResponse) {
  return applyStaffList({ fileHash: list.fileHash, format: list.format, fileName: list.fileName });
}

function counts() {
  return Promise.all([db().user.count(), db().staffProfile.count(), db().auditLog.count()]);
}

let admin: User;

beforeAll(async () => {
  admin = await createUser(db(), { login: "import-admin", name: "管理员", roles: ["ADMIN"] });
});

describe("before there is a campaign", () => {
  it("refuses the preview and the apply with the way forward, and writes nothing", async () => {
    signInAs(admin);
    const before = await counts();
    const previewed = await preview(csvText([HEADER, ["T001", "张三", "13800000001", "教师"]]));
    expect(previewed.status).toBe(404);
    expect(previewed.body.code).toBe("NOT_FOUND");
    expect(JSON.stringify(previewed.body)).toContain("/admin/campaigns");
    const applied = await applyStaffList({ fileHash: "a".repeat(64), format: "csv", fileName: "人员名单.csv" });
    expect(applied).toMatchObject({ ok: false, code: "NOT_FOUND" });
    if (applied.ok) return;
    expect(applied.fieldErrors?.fileHash?.[0]).toContain("/admin/campaigns");
    expect(await counts()).toEqual(before);
  });
});

describe("with a current campaign", () => {
  let campaignId: string;
  let lastYear: User;
  let inPool: User;

  const LIST = csvText([
    ["2024年回访人员名单"],
    HEADER,
    ["T2024001", "周老师", "13800000001", "教师", "护理学院", "2023年优秀回访人员", "", "成都"],
    ["S2024002", "吴同学", "138 0000 0002", "学生", "信息工程学院", "", "是", "宜宾"],
    ["T2024003", "郑老师", "13800000003", "教师", "", "学院选派", "是", ""],
    // last year's caller, not yet in this campaign: new details, no new password
    ["C2023", "王老师（新）", "13900000004", "教师", "招生办", "2023年参与回访", "", "南充"],
    // already in this campaign's pool
    ["pool01", "李老师", "13900000005", "教师", "", "", "", ""],
  ]);

  beforeAll(async () => {
    campaignId = (await createCampaign(db(), { now: new Date() })).id;
    lastYear = await createUser(db(), { login: "c2023", name: "王老师", roles: ["CALLER"] });
    inPool = await createUser(db(), { login: "pool01", name: "李老师", phone: "13900000005", roles: ["CALLER"] });
    await db().user.update({ where: { id: inPool.id }, data: { identity: "TEACHER" } });
    await addStaff(db(), { campaignId, userId: inPool.id });
  });

  it("previews without writing: new accounts, existing logins, each person's pool entry", async () => {
    signInAs(admin);
    const before = await counts();
    const { status, body } = await preview(LIST);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      rows: 5,
      valid: 5,
      applicable: true,
      counts: { created: 3, existing: 2, disabled: 0, errorRows: 0, duplicates: 0 },
      errors: [],
      duplicates: [],
    });
    expect(body.created.map((p) => [p.row, p.login, p.source, p.poolStatus, p.studentCadre])).toEqual([
      [3, "t2024001", "EXCELLENT_2023", "APPROVED", false],
      [4, "s2024002", "VOLUNTEER", "APPLIED", true],
      // a teacher's 学生干部 is not kept
      [5, "t2024003", "COLLEGE_PICK", "APPLIED", false],
    ]);
    expect(body.existing.map((p) => [p.login, p.joins])).toEqual([
      ["c2023", true],
      ["pool01", false],
    ]);
    expect(JSON.stringify(body)).not.toContain("passwordHash");
    // only the stored upload, waiting for the apply
    expect(await counts()).toEqual(before);
  });

  it("applies: callers with temporary passwords and pool places; last year's caller keeps the password", async () => {
    signInAs(admin);
    const lastYearHash = (await db().user.findUniqueOrThrow({ where: { id: lastYear.id } })).passwordHash;
    const { body } = await preview(LIST);
    const result = await apply(body);
    expect(result).toMatchObject({ ok: true, data: { joined: 1, updated: 1 } });
    if (!result.ok) return;
    const { created } = result.data as StaffImportResult;
    expect(created.map((c) => [c.login, c.name])).toEqual([
      ["t2024001", "周老师"],
      ["s2024002", "吴同学"],
      ["t2024003", "郑老师"],
    ]);

    for (const credential of created) {
      const user = await db().user.findUniqueOrThrow({
        where: { login: credential.login },
        include: { staffProfiles: true },
      });
      expect(user).toMatchObject({ roles: ["CALLER"], mustChangePassword: true, active: true });
      expect(await verifyPassword(user.passwordHash, credential.temporaryPassword)).toBe(true);
      expect(user.staffProfiles).toHaveLength(1);
      expect(user.staffProfiles[0]?.campaignId).toBe(campaignId);
    }
    const teacher = await db().user.findUniqueOrThrow({
      where: { login: "t2024001" },
      include: { staffProfiles: true },
    });
    expect(teacher).toMatchObject({ phone: "13800000001", identity: "TEACHER", department: "护理学院" });
    expect(teacher.staffProfiles[0]).toMatchObject({
      source: "EXCELLENT_2023",
      poolStatus: "APPROVED",
      qualification: "APPROVED",
      region: "成都",
    });
    const student = await db().user.findUniqueOrThrow({
      where: { login: "s2024002" },
      include: { staffProfiles: true },
    });
    expect(student).toMatchObject({ phone: "13800000002", identity: "STUDENT" });
    expect(student.staffProfiles[0]).toMatchObject({
      source: "VOLUNTEER",
      poolStatus: "APPLIED",
      qualification: "PENDING",
      studentCadre: true,
      region: "宜宾",
    });

    const renewed = await db().user.findUniqueOrThrow({ where: { id: lastYear.id }, include: { staffProfiles: true } });
    expect(renewed).toMatchObject({
      // width-folded, as every cell of a list is
      name: "王老师(新)",
      phone: "13900000004",
      identity: "TEACHER",
      department: "招生办",
      passwordHash: lastYearHash,
      mustChangePassword: false,
    });
    expect(renewed.staffProfiles).toEqual([
      expect.objectContaining({ campaignId, source: "PRIOR_2023", poolStatus: "APPLIED", region: "南充" }),
    ]);

    // one audit row with counts, never a password nor a hash
    const audits = await db().auditLog.findMany({ where: { action: "user.importList" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: admin.id,
      entityId: campaignId,
      after: expect.objectContaining({ rows: 5, created: 3, joined: 1, updated: 1, unchanged: 1 }),
    });
    const audited = JSON.stringify(audits[0]);
    for (const credential of created) expect(audited).not.toContain(credential.temporaryPassword);
    expect(audited).not.toContain("$argon2");
    // applied: the upload is gone from the store
    expect(await db().storedFile.count({ where: { kind: "LIST_UPLOAD" } })).toBe(0);
  });

  it("applied again, creates nobody twice and changes nothing", async () => {
    signInAs(admin);
    const before = await counts();
    const hashes = await db().user.findMany({ select: { login: true, passwordHash: true }, orderBy: { login: "asc" } });
    const { body } = await preview(LIST);
    expect(body.counts).toEqual({ created: 0, existing: 5, disabled: 0, errorRows: 0, duplicates: 0 });
    const result = await apply(body);
    expect(result).toMatchObject({ ok: true, data: { created: [], joined: 0, updated: 0 } });
    expect(await counts()).toEqual(before);
    expect(
      await db().user.findMany({ select: { login: true, passwordHash: true }, orderBy: { login: "asc" } }),
    ).toEqual(hashes);
  });

  it("flags a disabled account on the list: it joins, and stays disabled until an admin enables it", async () => {
    signInAs(admin);
    const gone = await createUser(db(), { login: "gone2023", name: "赵同学", roles: ["CALLER"], active: false });
    const list = csvText([HEADER, ["gone2023", "赵同学", "13900000006", "学生", "", "", "", ""]]);
    const { body } = await preview(list);
    expect(body.counts).toMatchObject({ created: 0, existing: 1, disabled: 1 });
    expect(body.existing).toEqual([expect.objectContaining({ login: "gone2023", joins: true, disabled: true })]);
    expect(await apply(body)).toMatchObject({ ok: true, data: { joined: 1 } });
    expect((await db().user.findUniqueOrThrow({ where: { id: gone.id } })).active).toBe(false);
    expect(await db().staffProfile.count({ where: { campaignId, userId: gone.id } })).toBe(1);
  });

  it("refuses a list with bad rows or repeated logins whole, showing each with its Excel row", async () => {
    signInAs(admin);
    const bad = csvText([
      HEADER,
      ["N001", "新人甲", "13700000001", "学生"],
      ["N002", "", "028-85551234", "干部", "", "乱写"],
      ["N001", "新人乙", "13700000003", "教师"],
    ]);
    const before = await counts();
    const { body } = await preview(bad);
    expect(body).toMatchObject({
      rows: 3,
      valid: 2,
      applicable: false,
      counts: { created: 1, existing: 0, disabled: 0, errorRows: 1, duplicates: 1 },
      duplicates: [{ login: "n001", rows: [2, 4] }],
    });
    expect(body.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, "姓名", "REQUIRED"],
      [3, "手机", "PHONE_NOT_MOBILE"],
      [3, "身份", "IDENTITY_FORMAT"],
      [3, "来源", "SOURCE_FORMAT"],
    ]);
    expect(body.errors[1]?.message).toContain("11 位");
    const result = await apply(body);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (result.ok) return;
    expect(result.fieldErrors?.fileHash?.[0]).toContain("1 行错误");
    expect(await counts()).toEqual(before);
    expect(await db().user.count({ where: { login: { in: ["n001", "n002"] } } })).toBe(0);
  });

  it("refuses the page's actions to anyone but an admin", async () => {
    const caller = await createUser(db(), { login: "import-caller", roles: ["CALLER"] });
    signInAs(caller);
    expect((await preview(csvText([HEADER, ["X01", "某", "13800000009", "教师"]]))).status).toBe(403);
    expect(await applyStaffList({ fileHash: "b".repeat(64), format: "csv", fileName: "a.csv" })).toMatchObject({
      ok: false,
      code: "FORBIDDEN",
    });
  });

  it("applies a 300-person list in reasonable time (the passwords are hashed before the transaction)", async () => {
    signInAs(admin);
    const rows = Array.from({ length: 300 }, (_, i) => {
      const n = String(i).padStart(3, "0");
      return [`B${n}`, `批量${n}`, `13600000${n}`, i % 2 ? "学生" : "教师", "信息工程学院", "", "", ""];
    });
    const { body } = await preview(csvText([HEADER, ...rows]));
    expect(body.counts.created).toBe(300);
    const started = performance.now();
    const result = await apply(body);
    const seconds = (performance.now() - started) / 1000;
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    expect(result.data.created).toHaveLength(300);
    console.info(`staff list of 300 new people applied in ${seconds.toFixed(1)} s`);
    expect(seconds).toBeLessThan(60);
    expect(await db().staffProfile.count({ where: { campaignId, user: { login: { startsWith: "b" } } } })).toBe(300);
  });
});

describe("the credentials sheet (xlsx built from what the browser posts back)", () => {
  const people = [
    { login: "t2024001", name: "周老师", temporaryPassword: "abcd2345efgh" },
    { login: "s2024002", name: "=HYPERLINK(1)", temporaryPassword: "zz9988yyxxww" },
  ];
  const sheetRequest = (body: unknown, origin?: string) =>
    credentialsSheet(post("/admin/staff/import/credentials", JSON.stringify(body), origin, "application/json"));

  it("streams the sheet to an admin: login, name, temporary password and the must-change note", async () => {
    signInAs(admin);
    const before = await counts();
    const response = await sheetRequest({ people });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("spreadsheetml");
    expect(response.headers.get("cache-control")).toContain("no-store");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    const values = [1, 2, 3].map((n) => ((sheet?.getRow(n).values ?? []) as unknown[]).slice(1));
    expect(values).toEqual([
      ["账号", "姓名", "临时密码", "首次登录后须修改密码"],
      ["t2024001", "周老师", "abcd2345efgh", "首次登录后须修改密码"],
      // a name that looks like a formula never runs
      ["s2024002", "'=HYPERLINK(1)", "zz9988yyxxww", "首次登录后须修改密码"],
    ]);
    // nothing kept, nothing audited
    expect(await counts()).toEqual(before);
  });

  it("refuses without the permission, from another site, and a body it cannot read", async () => {
    const caller = await createUser(db(), { login: "sheet-caller", roles: ["CALLER"] });
    signInAs(caller);
    expect((await sheetRequest({ people })).status).toBe(403);
    signInAs(null);
    expect((await sheetRequest({ people })).status).toBe(401);
    signInAs(admin);
    const crossSite = await sheetRequest({ people }, "https://evil.example");
    expect(crossSite.status).toBe(403);
    expect(await crossSite.json()).toMatchObject({ code: "CROSS_SITE" });
    expect((await sheetRequest({ people: [] })).status).toBe(400);
    expect((await sheetRequest({ people: [{ login: "x" }] })).status).toBe(400);
  });
});
