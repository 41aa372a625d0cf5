import { describe, expect, it } from "vitest";
import type { ListRecord } from "./check";
import { type CandidateSnapshot, planImport, recordPatch } from "./plan";

const snapshot = (examNo: string, over: Partial<CandidateSnapshot> = {}): CandidateSnapshot => ({
  id: `id-${examNo}`,
  examNo,
  name: "张三",
  gender: "男",
  phones: ["13800000001"],
  region: "成都",
  school: "成都市第一中学",
  major: "软件技术",
  firstChoice: true,
  admitted: false,
  paid: false,
  enrollment: "PENDING",
  ...over,
});

const record = (row: number, examNo: string, values: ListRecord["values"] = {}): ListRecord => ({
  row,
  examNo,
  values: { examNo, ...values },
});

const existing = (...candidates: CandidateSnapshot[]) => new Map(candidates.map((c) => [c.examNo, c]));

describe("planImport: the 投档 list", () => {
  it("creates the new, changes only what differs (field by field), and counts the rest", () => {
    const plan = planImport(
      "toudang",
      [
        record(3, "24510101000001", { name: "张三", phones: ["13800000001"], region: "成都" }),
        record(4, "24510101000002", { name: "李四", phones: ["13900000002", "13900000003"], region: "绵阳" }),
        record(5, "24510101000003", { name: "王五", phones: ["13700000004"], region: "德阳" }),
      ],
      existing(
        snapshot("24510101000001"),
        snapshot("24510101000002", { name: "李四", phones: ["13900000002"], region: "绵阳" }),
      ),
      null,
    );
    expect(plan.unchanged).toBe(1);
    expect(plan.update).toEqual([
      {
        row: 4,
        examNo: "24510101000002",
        candidateId: "id-24510101000002",
        changes: { phones: { before: ["13900000002"], after: ["13900000002", "13900000003"] } },
      },
    ]);
    expect(plan.create).toEqual([
      { row: 5, examNo: "24510101000003", patch: { name: "王五", phones: ["13700000004"], region: "德阳" } },
    ]);
    expect(plan.unknown).toEqual([]);
  });

  it("lists who was in the previous list of this kind and is not in this one", () => {
    const plan = planImport("toudang", [record(3, "A1")], existing(snapshot("A1")), ["A1", "A2", "A3"]);
    expect(plan.missing).toEqual(["A2", "A3"]);
  });

  it("has nothing missing on the first list of its kind", () => {
    expect(planImport("toudang", [record(3, "A1")], existing(), null).missing).toEqual([]);
  });

  it("leaves a column the file does not have untouched", () => {
    const plan = planImport("toudang", [record(3, "A1", { name: "张三" })], existing(snapshot("A1")), null);
    expect(plan).toMatchObject({ unchanged: 1, update: [], create: [] });
  });
});

describe("planImport: 录取, 缴费 and 报到 lists", () => {
  it("marks the admitted, and reports exam numbers never submitted to the college", () => {
    const plan = planImport(
      "luqu",
      [record(2, "A1", { major: "软件技术" }), record(3, "Z9", { major: "护理" })],
      existing(snapshot("A1")),
      null,
    );
    expect(plan.update).toEqual([
      { row: 2, examNo: "A1", candidateId: "id-A1", changes: { admitted: { before: false, after: true } } },
    ]);
    expect(plan.unknown).toEqual([{ row: 3, examNo: "Z9" }]);
    expect(plan.create).toEqual([]);
  });

  it("records payment both ways", () => {
    const plan = planImport(
      "jiaofei",
      [record(2, "A1", { paid: true }), record(3, "A2", { paid: false })],
      existing(snapshot("A1"), snapshot("A2", { paid: true })),
      null,
    );
    expect(plan.update.map((u) => [u.examNo, u.changes])).toEqual([
      ["A1", { paid: { before: false, after: true } }],
      ["A2", { paid: { before: true, after: false } }],
    ]);
  });

  it.each([
    // enrolled on the list: enrolled
    ["PENDING", true, { enrollment: "ENROLLED" }],
    // a corrected list no longer shows them enrolled: back to pending
    ["ENROLLED", false, { enrollment: "PENDING" }],
    // a caller's "not enrolled" (with its reason) is not the list's to undo
    ["NOT_ENROLLED", false, {}],
    ["PENDING", false, {}],
  ] as const)("a 报到 row (%s, enrolled=%s) patches %j", (current, enrolled, patch) => {
    const candidate = snapshot("A1", { admitted: true, enrollment: current });
    expect(recordPatch("baodao", record(2, "A1", { enrolled }), candidate)).toEqual(patch);
  });

  it("the same list twice plans nothing the second time", () => {
    const rows = [record(2, "A1", { paid: true })];
    const first = planImport("jiaofei", rows, existing(snapshot("A1")), null);
    expect(first.update).toHaveLength(1);
    const second = planImport("jiaofei", rows, existing(snapshot("A1", { paid: true })), ["A1"]);
    expect(second).toEqual({ create: [], update: [], unchanged: 1, missing: [], unknown: [] });
  });
});
