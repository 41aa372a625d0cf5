// The apply plans a list chunk by chunk as it reads it and writes each chunk of 2,000 rows in one
// statement: what it writes must be what the preview planned, row for row, and a failure after some
// chunks were written must leave nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { previewImport } from "@/lib/import/preview";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { generatedCandidate, makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

const ROWS = 4500; // two full chunks and a part
const HEADER = ["考生号", "姓名", "性别", "联系电话", "生源地", "毕业学校"];
const row = (n: number) => {
  const c = generatedCandidate(n);
  return [c.examNo, c.name, c.gender, c.phone, c.region, c.school];
};

describe("an apply written chunk by chunk", () => {
  let campaignId: string;
  let userId: string;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 3, name: "分块测试" });
    campaignId = campaign.id;
    userId = (await createUser(db(), { login: "chunk-data", roles: ["DATA"] })).id;
    // 成都 and 绵阳 have callers; 德阳 has a group without one; 乐山, 南充 and 宜宾 no group
    for (const [i, region] of ["成都", "绵阳", "德阳"].entries()) {
      const group = await createGroup(db(), { campaignId, name: `第${i + 1}组`, region });
      for (let k = 0; k < (region === "德阳" ? 0 : 3); k++) {
        const caller = await createUser(db(), { login: `chunk-caller-${i}-${k}`, roles: ["CALLER"] });
        await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });
      }
    }
  });

  const input = (path: string, fileName: string, kind: "toudang" | "luqu" = "toudang") => ({
    campaignId,
    kind,
    path,
    fileName,
    by: { id: userId },
  });

  it("leaves nothing when it fails after chunks were written", async () => {
    const file = writeCsv(
      dir,
      "toudang-fails.csv",
      [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))],
      "gb18030",
    );
    const written: number[] = [];
    const failing = applyImport(db(), {
      ...input(file, "toudang-fails.csv"),
      onProgress: ({ written: done }) => {
        written.push(done);
        if (done === 4000) throw new Error("the connection went away");
      },
    });
    await expect(failing).rejects.toThrow("the connection went away");
    expect(written).toEqual([2000, 4000]);
    expect(await db().candidate.count({ where: { campaignId } })).toBe(0);
    expect(await db().importBatch.count({ where: { campaignId } })).toBe(0);
    expect(await db().assignment.count({ where: { candidate: { campaignId } } })).toBe(0);
    expect(await db().candidateTally.count({ where: { campaignId, assigned: { not: 0 } } })).toBe(0);
  });

  // the file is read once: its faults are found while earlier chunks are already written
  it.each([
    ["a second row with an exam number", (rows: string[][]) => rows.splice(4400, 0, row(7))],
    ["a row with an error", (rows: string[][]) => rows.splice(4400, 0, ["", "无考生号", "男", "13800000000"])],
    ["a last row with an error", (rows: string[][]) => rows.push(["2451", "坏号", "男", "13800000000"])],
  ])("refuses a list with %s after its first chunks were written, and keeps nothing", async (_fault, plant) => {
    const rows = Array.from({ length: ROWS }, (_, i) => row(i + 1));
    plant(rows);
    const file = writeCsv(dir, "toudang-faulty.csv", [HEADER, ...rows], "gb18030");
    const written: number[] = [];
    const result = await applyImport(db(), {
      ...input(file, "toudang-faulty.csv"),
      onProgress: ({ written: done, total }) => {
        written.push(done);
        // no preview's count given (the command line): the total is never below what was written
        expect(total).toBeGreaterThanOrEqual(done);
      },
    });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(written).toEqual([2000, 4000]);
    expect(await db().candidate.count({ where: { campaignId } })).toBe(0);
    expect(await db().importBatch.count({ where: { campaignId } })).toBe(0);
    expect(await db().importCreated.count({ where: { batch: { campaignId } } })).toBe(0);
    expect(await db().assignment.count({ where: { candidate: { campaignId } } })).toBe(0);
  });

  it("writes what the preview planned: candidates, groups, callers by load, undo records and the list", async () => {
    const file = writeCsv(
      dir,
      "toudang.csv",
      [HEADER, ...Array.from({ length: ROWS }, (_, i) => row(i + 1))],
      "gb18030",
    );
    const preview = await previewImport(db(), { campaignId, kind: "toudang", path: file });
    const planned = preview.plan?.create ?? [];
    expect(planned).toHaveLength(ROWS);

    const result = await applyImport(db(), input(file, "toudang.csv"));
    const regionsWithCaller = new Set(["成都市", "绵阳市"]);
    expect(result).toMatchObject({
      ok: true,
      created: ROWS,
      updated: 0,
      unassigned: planned.filter((p) => !regionsWithCaller.has(p.patch.region ?? "")).length,
    });
    if (!result.ok) throw new Error("applied above");

    const candidates = await db().candidate.findMany({
      where: { campaignId },
      orderBy: { examNo: "asc" },
      select: {
        id: true,
        examNo: true,
        name: true,
        gender: true,
        phones: true,
        region: true,
        school: true,
        groupId: true,
        group: { select: { region: true } },
        assignedCallerId: true,
        creditCallerId: true,
      },
    });
    expect(
      candidates.map(({ examNo, name, gender, phones, region, school }) => ({
        examNo,
        name,
        gender,
        phones,
        region,
        school,
      })),
    ).toEqual(planned.map(({ examNo, patch }) => ({ examNo, ...patch })));
    for (const c of candidates) {
      expect(c.group?.region ?? null).toBe(
        ({ 成都市: "成都", 绵阳市: "绵阳", 德阳市: "德阳" } as Record<string, string>)[c.region] ?? null,
      );
      expect(c.creditCallerId).toBe(c.assignedCallerId);
    }
    // ids in the order of the file, across chunks: the batch's id and the row's place (primary keys
    // grow at their right end)
    const byPlace = [...candidates].sort((a, b) => a.id.localeCompare(b.id));
    expect(byPlace.map((c) => c.examNo)).toEqual(planned.map((p) => p.examNo));
    expect(byPlace[0]?.id).toBe(`${result.batchId}c00000001`);
    expect(byPlace.at(-1)?.id).toBe(`${result.batchId}c${String(ROWS).padStart(8, "0")}`);
    // least loaded in the order of the file: each group's callers end one apart at most
    for (const region of regionsWithCaller) {
      const loads = new Map<string, number>();
      for (const c of candidates.filter((c) => c.region === region)) {
        loads.set(c.assignedCallerId as string, (loads.get(c.assignedCallerId as string) ?? 0) + 1);
      }
      expect(loads.size).toBe(3);
      expect(Math.max(...loads.values()) - Math.min(...loads.values())).toBeLessThanOrEqual(1);
    }
    const assignments = await db().assignment.findMany({
      where: { candidate: { campaignId } },
      select: { id: true, candidateId: true, callerId: true, cause: true },
    });
    for (const a of assignments) expect(a.id).toBe(`${a.candidateId}a`);
    expect(assignments).toHaveLength(candidates.filter((c) => c.assignedCallerId).length);
    const holder = new Map(candidates.map((c) => [c.id, c.assignedCallerId]));
    for (const a of assignments) expect(holder.get(a.candidateId)).toBe(a.callerId);

    // undo's record of what the batch created: every candidate once, one row per chunk, no change rows
    const created = await db().importCreated.findMany({ where: { batchId: result.batchId } });
    expect(created).toHaveLength(Math.ceil(ROWS / 2000));
    expect(created.flatMap((c) => c.candidateIds).sort()).toEqual(candidates.map((c) => c.id).sort());
    expect(await db().importChange.count({ where: { batchId: result.batchId } })).toBe(0);
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ rowsRead: ROWS, rowsNew: ROWS, rowsChanged: 0, rowsMissing: 0 });
    expect(batch.examNos).toEqual(planned.map((p) => p.examNo));
  });

  it("counts who went missing since the previous list, and changes only what differs", async () => {
    // the same list without its first 100 rows, every 1,000th candidate with another school
    const rows = Array.from({ length: ROWS - 100 }, (_, i) => {
      const cells = row(i + 101);
      if ((i + 101) % 1000 === 0) cells[5] = "树德中学";
      return cells;
    });
    const file = writeCsv(dir, "toudang-2.csv", [HEADER, ...rows], "utf-8");
    const result = await applyImport(db(), input(file, "toudang-2.csv"));
    expect(result).toMatchObject({ ok: true, created: 0, updated: 4 });
    if (!result.ok) throw new Error("applied above");
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: result.batchId } });
    expect(batch).toMatchObject({ rowsRead: ROWS - 100, rowsNew: 0, rowsChanged: 4, rowsMissing: 100 });
    const changes = await db().importChange.findMany({
      where: { batchId: result.batchId },
      select: { before: true, after: true },
    });
    expect(changes).toHaveLength(4);
    for (const change of changes) {
      expect(change).toEqual({ before: { school: "成都七中" }, after: { school: "树德中学" } });
    }
    expect(await db().candidate.count({ where: { campaignId, school: "树德中学", version: 1 } })).toBe(4);
  });
});
