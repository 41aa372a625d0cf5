import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cli, run } from "../support/cli";
import {
  encodeGb18030,
  makeTempDir,
  removeTempDir,
  TOUDANG_CSV_ROWS,
  writeBytes,
  writeCsv,
  writeToudangXlsx,
  writeXlsxBomb,
  zipBytes,
} from "../support/import-fixtures";

// `npm run cli -- check-list <file> --list <kind> --json` is a contract the data team scripts against
// (issue 5): one JSON object on stdout, exit 0 when the file was read whatever its errors, 2 when it
// cannot be read or the arguments are wrong. It needs no database; this file does not use one.

function checkList(file: string, kind = "toudang") {
  return cli(["check-list", file, "--list", kind, "--json"]);
}

/** stdout must be exactly one JSON object (one line): nothing else may be printed there. */
function onlyJson(stdout: string): Record<string, unknown> {
  const lines = stdout.split("\n").filter((line) => line !== "");
  expect(lines).toHaveLength(1);
  const parsed: unknown = JSON.parse(lines[0] ?? "");
  expect(parsed).toBeTypeOf("object");
  expect(Array.isArray(parsed)).toBe(false);
  return parsed as Record<string, unknown>;
}

/** The shape of a report, key by key, exactly as the issue states it. */
function expectContract(report: Record<string, unknown>, withEncoding: boolean) {
  expect(Object.keys(report).sort()).toEqual(
    withEncoding ? ["duplicates", "encoding", "errors", "rows", "valid"] : ["duplicates", "errors", "rows", "valid"],
  );
  expect(Number.isInteger(report.rows)).toBe(true);
  expect(Number.isInteger(report.valid)).toBe(true);
  for (const error of report.errors as Record<string, unknown>[]) {
    expect(Object.keys(error).sort()).toEqual(["code", "column", "message", "row"]);
    expect(Number.isInteger(error.row)).toBe(true);
    expect(error.column).toBeTypeOf("string");
    expect(error.code).toMatch(/^[A-Z][A-Z_]+$/);
    expect(error.message).toMatch(/[\u4e00-\u9fff]/);
  }
  for (const duplicate of report.duplicates as Record<string, unknown>[]) {
    expect(Object.keys(duplicate).sort()).toEqual(["examNo", "rows"]);
    expect(duplicate.examNo).toMatch(/^\d+$/);
  }
  if (withEncoding) expect(["utf-8", "utf-8-bom", "gb18030"]).toContain(report.encoding);
}

// each run starts tsx afresh (2-4 s, more on a busy machine)
vi.setConfig({ testTimeout: 90_000 });

let dir: string;

beforeAll(() => {
  dir = makeTempDir();
});
afterAll(() => {
  removeTempDir(dir);
});

describe("check-list --json on readable files: exit 0 and one report", () => {
  it("reports a GB18030 csv with errors and a duplicate", async () => {
    const result = await checkList(writeCsv(dir, "toudang.csv", TOUDANG_CSV_ROWS, "gb18030"));
    expect(result.status).toBe(0);
    const report = onlyJson(result.stdout);
    expectContract(report, true);
    expect(report).toEqual({
      rows: 5,
      valid: 2,
      errors: [
        {
          row: 5,
          column: "考生号",
          code: "EXAM_NO_SCIENTIFIC",
          message: "考生号被 Excel 显示成了科学计数法（如 2.45E+13），位数已丢失，请把该列设为文本后重新导出。",
        },
        {
          row: 6,
          column: "联系电话",
          code: "PHONE_FORMAT",
          message: "“12345”不是有效的手机号（11 位）或带区号的座机号。",
        },
        { row: 8, column: "性别", code: "GENDER_FORMAT", message: "“男性”应为“男”或“女”。" },
        { row: 8, column: "生源地", code: "REQUIRED", message: "“生源地”不能为空。" },
      ],
      duplicates: [{ examNo: "24510101000001", rows: [3, 6] }],
      encoding: "gb18030",
    });
  });

  it("reports a UTF-8-BOM csv with its encoding", async () => {
    const result = await checkList(writeCsv(dir, "bom.csv", TOUDANG_CSV_ROWS, "utf-8-bom"));
    expect(result.status).toBe(0);
    const report = onlyJson(result.stdout);
    expectContract(report, true);
    expect(report).toMatchObject({ rows: 5, valid: 2, encoding: "utf-8-bom" });
  });

  it("reports an xlsx with a title row and formulas, without an encoding key", async () => {
    const result = await checkList(await writeToudangXlsx(dir, "toudang.xlsx"));
    expect(result.status).toBe(0);
    const report = onlyJson(result.stdout);
    expectContract(report, false);
    expect(report).toEqual({
      rows: 5,
      valid: 4,
      errors: [
        {
          row: 5,
          column: "考生号",
          code: "EXAM_NO_PRECISION",
          message: "考生号超出了 Excel 数字的精度，请把该列设为文本后重新导出。",
        },
      ],
      duplicates: [{ examNo: "24510101000001", rows: [3, 6] }],
    });
  });

  it("answers a file without a header with a NO_HEADER report and exit 0", async () => {
    const result = await checkList(
      writeCsv(
        dir,
        "no-header.csv",
        [
          ["姓名", "电话"],
          ["张三", "13800000001"],
        ],
        "utf-8",
      ),
    );
    expect(result.status).toBe(0);
    const report = onlyJson(result.stdout);
    expectContract(report, true);
    expect(report).toMatchObject({ rows: 0, valid: 0, errors: [{ row: 1, code: "NO_HEADER" }], duplicates: [] });
  });

  it("checks each list kind by its own required columns", async () => {
    const file = writeCsv(
      dir,
      "jiaofei.csv",
      [
        ["考生号", "姓名", "缴费状态"],
        ["24510101000001", "张三", "已缴费"],
      ],
      "utf-8",
    );
    expect(onlyJson((await checkList(file, "jiaofei")).stdout)).toEqual({
      rows: 1,
      valid: 1,
      errors: [],
      duplicates: [],
      encoding: "utf-8",
    });
    const asBaodao = await checkList(file, "baodao");
    expect(asBaodao.status).toBe(0);
    expect(onlyJson(asBaodao.stdout)).toMatchObject({
      rows: 1,
      valid: 0,
      errors: [{ row: 1, column: "报到状态", code: "MISSING_COLUMN" }],
    });
  });

  it("prints a one-line Chinese summary without --json", async () => {
    const result = await cli([
      "check-list",
      writeCsv(dir, "plain.csv", TOUDANG_CSV_ROWS, "gb18030"),
      "--list",
      "toudang",
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      "投档名单：读取 5 行，有效 2 行，错误 4 处，重复考生号 1 个（编码 gb18030）",
    );
    expect(result.stdout).toContain("  考生号 24510101000001 重复：第 3、6 行");
  });

  it("gives the same answer through `npm run -s cli --`", async () => {
    const file = writeCsv(dir, "npm.csv", TOUDANG_CSV_ROWS, "utf-8");
    const [viaNpm, direct] = await Promise.all([
      run("npm", ["run", "-s", "cli", "--", "check-list", file, "--list", "toudang", "--json"]),
      checkList(file),
    ]);
    expect(viaNpm.status).toBe(0);
    expect(onlyJson(viaNpm.stdout)).toEqual(onlyJson(direct.stdout));
  });
});

describe("check-list on files it cannot read: exit 2", () => {
  it("a missing file", async () => {
    const result = await checkList(path.join(dir, "missing.csv"));
    expect(result.status).toBe(2);
    expect(onlyJson(result.stdout)).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it.each(["list.xls", "list.pdf"])("an unsupported extension (%s)", async (name) => {
    const result = await checkList(writeBytes(dir, name, "not a list"));
    expect(result.status).toBe(2);
    expect(onlyJson(result.stdout)).toMatchObject({ error: { code: "UNSUPPORTED_FORMAT" } });
  });

  it("a csv named .xlsx", async () => {
    const result = await checkList(writeBytes(dir, "fake.xlsx", encodeGb18030("考生号,姓名\r\n")));
    expect(result.status).toBe(2);
    expect(onlyJson(result.stdout)).toMatchObject({ error: { code: "NOT_XLSX" } });
  });

  it("a zip bomb whose directory claims 500 MB", async () => {
    const bomb = zipBytes([
      {
        name: "xl/worksheets/sheet1.xml",
        data: Buffer.alloc(0),
        compressed: Buffer.alloc(1024, 0xff),
        claimedSize: 500 * 1024 * 1024,
      },
    ]);
    const result = await checkList(writeBytes(dir, "bomb.xlsx", bomb));
    expect(result.status).toBe(2);
    expect(onlyJson(result.stdout)).toMatchObject({ error: { code: "ZIP_BOMB" } });
  });

  it("a small xlsx that really inflates to 500 MB", async () => {
    const result = await checkList(await writeXlsxBomb(dir, "real-bomb.xlsx", { megabytes: 500, honest: true }));
    expect(result.status).toBe(2);
    expect(onlyJson(result.stdout)).toMatchObject({ error: { code: "ZIP_BOMB" } });
  });
});

describe("check-list with wrong arguments: exit 2 and the usage line", () => {
  const usage =
    "用法：npm run cli -- check-list <文件> --list <toudang|luqu|jiaofei|baodao|staff> [--mapping <JSON>] [--json]";

  it.each<[string, string[]]>([
    ["a bad --list value", ["check-list", "list.csv", "--list", "zhaosheng", "--json"]],
    ["no --list", ["check-list", "list.csv", "--json"]],
    ["no file", ["check-list", "--list", "toudang", "--json"]],
    ["an unknown command", ["import-list", "list.csv", "--list", "toudang"]],
    ["--list without its value", ["check-list", "list.csv", "--json", "--list"]],
    ["an unknown option", ["check-list", "list.csv", "--lsit", "toudang", "--json"]],
  ])("%s", async (_, args) => {
    const result = await cli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(usage);
  });
});

describe("check-list with a mapping given by hand (--mapping, as the import page's corrected mapping)", () => {
  const rows = [
    ["学号", "姓名", "电话", "片区"],
    ["24510101000001", "张一", "13800000001", "成都"],
  ];

  it("reads a file whose exam-number column has a name the checker does not know", async () => {
    const file = writeCsv(dir, "xuehao.csv", rows, "gb18030");
    expect(onlyJson((await checkList(file)).stdout)).toMatchObject({ rows: 0, errors: [{ code: "NO_HEADER" }] });
    const mapping = JSON.stringify({ row: 1, fields: ["examNo", "name", "phones", "region"] });
    const result = await cli(["check-list", file, "--list", "toudang", "--mapping", mapping, "--json"]);
    expect(result.status).toBe(0);
    expect(onlyJson(result.stdout)).toEqual({ rows: 1, valid: 1, errors: [], duplicates: [], encoding: "gb18030" });
  });

  it("refuses a mapping feeding one field from two columns with exit 2 and a Chinese reason", async () => {
    const file = writeCsv(dir, "xuehao-2.csv", rows, "utf-8");
    const mapping = JSON.stringify({ row: 1, fields: ["examNo", "name", "name", "region"] });
    const result = await cli(["check-list", file, "--list", "toudang", "--mapping", mapping, "--json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("“姓名”只能对应一列");
  });
});

// The staff list (人员名单, issue 13) answers the same contract; its duplicates are keyed by login.
describe("check-list --list staff --json", () => {
  const STAFF_ROWS = [
    ["2024年回访人员名单"],
    ["工号/学号", "姓名", "手机", "身份", "学院/部门", "来源", "学生干部", "地区"],
    ["T2024001", "周老师", "13800000001", "教师", "护理学院", "2023年优秀回访人员", "", "成都"],
    ["S2024002", "吴同学", "138 0000 0002", "学生", "信息工程学院", "", "是", "宜宾"],
    ["s2024002", "郑同学", "13800000003", "学生", "", "自愿报名", "否", ""],
    ["张三", "", "028-85551234", "干部", "", "乱写", "", ""],
  ];

  it("reports errors by Excel row and column, and each repeated login with every row", async () => {
    const result = await checkList(writeCsv(dir, "staff.csv", STAFF_ROWS, "gb18030"), "staff");
    expect(result.status).toBe(0);
    const report = onlyJson(result.stdout);
    expect(Object.keys(report).sort()).toEqual(["duplicates", "encoding", "errors", "rows", "valid"]);
    expect(report).toEqual({
      rows: 4,
      valid: 3,
      errors: [
        {
          row: 6,
          column: "工号/学号",
          code: "LOGIN_FORMAT",
          message: "“张三”不能作为登录账号：只能用 2–64 位字母、数字和 . _ -，并以字母或数字开头。",
        },
        { row: 6, column: "姓名", code: "REQUIRED", message: expect.stringMatching(/姓名/) },
        {
          row: 6,
          column: "手机",
          code: "PHONE_NOT_MOBILE",
          message: "“028-85551234”不是手机号：这里需要 11 位的大陆手机号。",
        },
        { row: 6, column: "身份", code: "IDENTITY_FORMAT", message: "身份“干部”看不懂：请填“教师”或“学生”。" },
        { row: 6, column: "来源", code: "SOURCE_FORMAT", message: expect.stringMatching(/^来源“乱写”看不懂/) },
      ],
      duplicates: [{ login: "s2024002", rows: [4, 5] }],
      encoding: "gb18030",
    });
  });

  it("reads the same list as xlsx, and names a missing required column", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("人员名单");
    sheet.addRow(["学号", "姓名", "学院"]);
    sheet.addRow([20240001, "吴同学", "信息工程学院"]);
    const file = path.join(dir, "staff.xlsx");
    await workbook.xlsx.writeFile(file);
    const report = onlyJson((await checkList(file, "staff")).stdout);
    expect(report).toEqual({
      rows: 1,
      valid: 0,
      errors: [
        {
          row: 1,
          column: "手机",
          code: "MISSING_COLUMN",
          message: "人员名单缺少“手机/手机号/手机号码/联系电话/电话”列。",
        },
        { row: 1, column: "身份", code: "MISSING_COLUMN", message: "人员名单缺少“身份/人员身份/教师/学生”列。" },
      ],
      duplicates: [],
    });
  });

  it("prints a Chinese summary without --json, and the repeated login", async () => {
    const result = await cli(["check-list", writeCsv(dir, "staff-plain.csv", STAFF_ROWS, "utf-8"), "--list", "staff"]);
    expect(result.status).toBe(0);
    expect(result.stdout.split("\n")[0]).toBe(
      "人员名单：读取 4 行，有效 3 行，错误 5 处，重复工号/学号 1 个（编码 utf-8）",
    );
    expect(result.stdout).toContain("  工号/学号 s2024002 重复：第 4、5 行");
  });
});
