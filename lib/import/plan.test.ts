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
  enrollmentRecord: null,
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

  type Claim = CandidateSnapshot["enrollment"];
  type Recorded = CandidateSnapshot["enrollmentRecord"];
  it.each<[Claim, Recorded, boolean, ReturnType<typeof recordPatch>]>([
    // enrolled on the list: on the record, and a pending claim becomes 已报到
    ["PENDING", null, true, { enrollmentRecord: "LIST", enrollment: "ENROLLED" }],
    ["ENROLLED", null, true, { enrollmentRecord: "LIST" }],
    // a caller's "not enrolled" (with its reason) is not the list's to change: on the record, claim kept
    ["NOT_ENROLLED", null, true, { enrollmentRecord: "LIST" }],
    // a data-team confirmation the list now shows: the list's record from now on
    ["ENROLLED", "DATA_TEAM", true, { enrollmentRecord: "LIST" }],
    // a corrected list no longer shows them enrolled: off the record, the claim stays a claim
    ["ENROLLED", "LIST", false, { enrollmentRecord: null }],
    // a data-team confirmation is not the list's to take back
    ["ENROLLED", "DATA_TEAM", false, {}],
    ["NOT_ENROLLED", null, false, {}],
    ["PENDING", null, false, {}],
  ])("a 报到 row (claim %s, record %s, enrolled=%s) patches %j", (claim, recorded, enrolled, patch) => {
    const candidate = snapshot("A1", { admitted: true, enrollment: claim, enrollmentRecord: recorded });
    expect(recordPatch("baodao", record(2, "A1", { enrolled }), candidate)).toEqual(patch);
  });

  it("takes off the record whoever an earlier 报到 list put there and this one leaves out", () => {
    const plan = planImport(
      "baodao",
      [record(2, "A1", { enrolled: true }), record(3, "A2", { enrolled: true })],
      existing(
        snapshot("A1", { admitted: true }),
        snapshot("A2", { admitted: true, enrollment: "ENROLLED", enrollmentRecord: "LIST" }),
        // left out of the new list: B1 came from the list, B2 from the data team
        snapshot("B1", { admitted: true, enrollment: "ENROLLED", enrollmentRecord: "LIST" }),
        snapshot("B2", { admitted: true, enrollment: "ENROLLED", enrollmentRecord: "DATA_TEAM" }),
      ),
      ["A2", "B1"],
    );
    expect(plan.update).toEqual([
      {
        row: 2,
        examNo: "A1",
        candidateId: "id-A1",
        changes: {
          enrollmentRecord: { before: null, after: "LIST" },
          enrollment: { before: "PENDING", after: "ENROLLED" },
        },
      },
      { row: null, examNo: "B1", candidateId: "id-B1", changes: { enrollmentRecord: { before: "LIST", after: null } } },
    ]);
    expect(plan.unchanged).toBe(1);
    expect(plan.record).toEqual({ confirmed: 1, unconfirmed: 1 });
    expect(plan.missing).toEqual(["B1"]);
    expect(plan.unknown).toEqual([]);
  });

  it("counts nothing on the record for other kinds of list", () => {
    const plan = planImport("luqu", [record(2, "A1")], existing(snapshot("A1", { enrollmentRecord: "LIST" })), null);
    expect(plan.record).toEqual({ confirmed: 0, unconfirmed: 0 });
    expect(plan.update.map((u) => u.examNo)).toEqual(["A1"]);
  });

  it("the same list twice plans nothing the second time", () => {
    const rows = [record(2, "A1", { paid: true })];
    const first = planImport("jiaofei", rows, existing(snapshot("A1")), null);
    expect(first.update).toHaveLength(1);
    const second = planImport("jiaofei", rows, existing(snapshot("A1", { paid: true })), ["A1"]);
    expect(second).toEqual({
      create: [],
      update: [],
      unchanged: 1,
      missing: [],
      unknown: [],
      record: { confirmed: 0, unconfirmed: 0 },
    });
  });
});
