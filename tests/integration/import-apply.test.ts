import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { previewImport } from "@/lib/import/preview";
import { undoImport } from "@/lib/import/undo";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

const HEADER = ["考生号", "姓名", "联系电话", "地区", "专业"];
const toudang = (rows: string[][]) => [["2024年单招投档名单", "", "", "", ""], HEADER, ...rows];

describe("applying a list to a campaign", () => {
  let campaignId: string;
  let adminId: string;
  let chengduCallers: string[];

  beforeAll(async () => {
    const now = new Date();
    const campaign = await createCampaign(db(), { now, openPhase: 2, name: "导入测试" });
    campaignId = campaign.id;
    adminId = (await createUser(db(), { login: "import-admin", roles: ["DATA"] })).id;
    const chengdu = await createGroup(db(), { campaignId, name: "第一组", region: "成都" });
    const mianyang = await createGroup(db(), { campaignId, name: "第二组", region: "绵阳" });
    chengduCallers = [];
    for (const [i, group] of [chengdu, chengdu, mianyang].entries()) {
      const caller = await createUser(db(), { login: `import-caller-${i}`, roles: ["CALLER"] });
      await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });
      if (group.id === chengdu.id) chengduCallers.push(caller.id);
    }
  });

  const candidates = () =>
    db().candidate.findMany({ where: { campaignId }, orderBy: { examNo: "asc" }, include: { group: true } });

  it("creates the 投档 candidates, each in the group of its region and spread over its callers by load", async () => {
    const file = writeCsv(
      dir,
      "toudang-1.csv",
      toudang([
        ["24510101000001", "张一", "13800000001", "成都市", "软件技术"],
        ["24510101000002", "张二", "13800000002", "成都", "护理"],
        ["24510101000003", "张三", "13800000003", "成都市", "护理"],
        ["24510101000004", "李四", "13800000004", "绵阳市", "护理"],
        ["24510101000005", "王五", "13800000005", "阿坝州", "护理"],
      ]),
      "gb18030",
    );
    const result = await applyImport(db(), {
      campaignId,
      kind: "toudang",
      path: file,
      fileName: "toudang-1.csv",
      by: { id: adminId },
    });
    expect(result).toMatchObject({ ok: true, created: 5, updated: 0, unassigned: 1, alreadyApplied: false });
    const rows = await candidates();
    expect(rows.map((c) => [c.examNo, c.name, c.group?.region ?? null])).toEqual([
      ["24510101000001", "张一", "成都"],
      ["24510101000002", "张二", "成都"],
      ["24510101000003", "张三", "成都"],
      ["24510101000004", "李四", "绵阳"],
      ["24510101000005", "王五", null],
    ]);
    // three Chengdu candidates over two Chengdu callers: two and one
    const chengduLoads = chengduCallers.map((id) => rows.filter((c) => c.assignedCallerId === id).length).sort();
    expect(chengduLoads).toEqual([1, 2]);
    expect(await db().assignment.count({ where: { candidate: { campaignId } } })).toBe(4);
    expect(
      await db().auditLog.count({ where: { action: "import.apply", entityId: result.ok ? result.batchId : "" } }),
    ).toBe(1);
  });

  it("adds nothing when the same file comes again, even twice at once", async () => {
    const file = `${dir}/toudang-1.csv`;
    const [a, b] = await Promise.all([
      applyImport(db(), { campaignId, kind: "toudang", path: file, fileName: "again.csv", by: { id: adminId } }),
      applyImport(db(), { campaignId, kind: "toudang", path: file, fileName: "again.csv", by: { id: adminId } }),
    ]);
    expect(a).toMatchObject({ ok: true, alreadyApplied: true, created: 0 });
    expect(b).toMatchObject({ ok: true, alreadyApplied: true, created: 0 });
    expect(await db().candidate.count({ where: { campaignId } })).toBe(5);
    expect(await db().importBatch.count({ where: { campaignId, kind: "TOUDANG" } })).toBe(1);
  });

  it("previews a corrected list field by field, with who went missing, before writing anything", async () => {
    const file = writeCsv(
      dir,
      "toudang-2.csv",
      toudang([
        ["24510101000001", "张一", "13800000001", "成都市", "大数据技术"],
        ["24510101000002", "张二", "13800000002", "成都", "护理"],
        ["24510101000003", "张三", "13800000003", "成都市", "护理"],
        ["24510101000004", "李四", "13800000004", "绵阳市", "护理"],
        ["24510101000006", "赵六", "13800000006", "绵阳", "护理"],
      ]),
      "utf-8-bom",
    );
    const preview = await previewImport(db(), { campaignId, kind: "toudang", path: file });
    // a stored upload's hash, computed by the storage module as it arrived, is taken as it is
    const known = "f".repeat(64);
    expect((await previewImport(db(), { campaignId, kind: "toudang", path: file, fileHash: known })).fileHash).toBe(
      known,
    );
    expect(preview.plan).toMatchObject({
      create: [{ row: 7, examNo: "24510101000006" }],
      update: [{ row: 3, examNo: "24510101000001", changes: { major: { before: "软件技术", after: "大数据技术" } } }],
      unchanged: 3,
      missing: ["24510101000005"],
      unknown: [],
    });
    expect(await db().candidate.count({ where: { campaignId } })).toBe(5);
  });

  it("refuses a list with errors, and a 录取 list naming candidates never submitted, writing nothing", async () => {
    const broken = writeCsv(dir, "broken.csv", toudang([["2.45E+13", "坏行", "12345", "成都", "护理"]]), "utf-8");
    expect(
      await applyImport(db(), {
        campaignId,
        kind: "toudang",
        path: broken,
        fileName: "broken.csv",
        by: { id: adminId },
      }),
    ).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "文件有错误，请改正后重新上传。",
    });
    const luqu = writeCsv(
      dir,
      "luqu-unknown.csv",
      [
        ["考生号", "姓名", "录取专业"],
        ["24510101000001", "张一", "软件技术"],
        ["24519999999999", "无名", "护理"],
      ],
      "utf-8",
    );
    const result = await applyImport(db(), {
      campaignId,
      kind: "luqu",
      path: luqu,
      fileName: "luqu.csv",
      by: { id: adminId },
    });
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: expect.stringContaining("不在投档名单中"),
    });
    expect(await db().candidate.count({ where: { campaignId, admitted: true } })).toBe(0);
    expect(await db().importBatch.count({ where: { campaignId } })).toBe(1);
  });

  it("undoes a batch as a whole, and not while a later batch stands on it", async () => {
    const luqu = writeCsv(
      dir,
      "luqu.csv",
      [
        ["考生号", "姓名", "录取专业"],
        ["24510101000001", "张一", "大数据技术"],
        ["24510101000004", "李四", "护理"],
      ],
      "utf-8",
    );
    const luquBatch = await applyImport(db(), {
      campaignId,
      kind: "luqu",
      path: luqu,
      fileName: "luqu.csv",
      by: { id: adminId },
    });
    expect(luquBatch).toMatchObject({ ok: true, updated: 2 });
    const first = await db().importBatch.findFirstOrThrow({ where: { campaignId, kind: "TOUDANG" } });
    expect(await undoImport(db(), { batchId: first.id, by: { id: adminId } })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      message: "之后又导入了名单，请先撤销之后的批次。",
    });

    if (!luquBatch.ok) throw new Error("unreachable");
    expect(await undoImport(db(), { batchId: luquBatch.batchId, by: { id: adminId } })).toMatchObject({ ok: true });
    const one = await db().candidate.findFirstOrThrow({ where: { campaignId, examNo: "24510101000001" } });
    expect({ admitted: one.admitted, major: one.major }).toEqual({ admitted: false, major: "软件技术" });

    // now the 投档 batch is the latest again: undoing it removes the candidates it created
    expect(await undoImport(db(), { batchId: first.id, by: { id: adminId } })).toMatchObject({ ok: true });
    expect(await db().candidate.count({ where: { campaignId } })).toBe(0);
    // and the same file can be applied again afterwards
    const again = await applyImport(db(), {
      campaignId,
      kind: "toudang",
      path: `${dir}/toudang-1.csv`,
      fileName: "toudang-1.csv",
      by: { id: adminId },
    });
    expect(again).toMatchObject({ ok: true, created: 5, alreadyApplied: false });
  });

  it("applies a new file once when two admins send it at the same moment", async () => {
    const jiaofei = writeCsv(
      dir,
      "jiaofei.csv",
      [
        ["考生号", "姓名", "缴费状态"],
        ["24510101000001", "张一", "已缴费"],
        ["24510101000002", "张二", "已缴费"],
      ],
      "utf-8",
    );
    const results = await Promise.all(
      [1, 2].map(() =>
        applyImport(db(), { campaignId, kind: "jiaofei", path: jiaofei, fileName: "jiaofei.csv", by: { id: adminId } }),
      ),
    );
    expect(results.map((r) => (r.ok ? [r.updated, r.alreadyApplied] : r.code)).sort()).toEqual([
      [0, true],
      [2, false],
    ]);
    expect(await db().importBatch.count({ where: { campaignId, kind: "JIAOFEI" } })).toBe(1);
    expect(await db().candidate.count({ where: { campaignId, paid: true } })).toBe(2);
    expect(await db().importChange.count({ where: { batch: { campaignId, kind: "JIAOFEI" } } })).toBe(2);
  });
});
