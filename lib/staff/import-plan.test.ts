import { describe, expect, it } from "vitest";
import { type ExistingAccount, planStaffImport, type StaffRow, staffRow } from "./import-plan";

const row = (overrides: Partial<StaffRow>): StaffRow => ({
  row: 2,
  login: "t1",
  name: "甲",
  phone: "13800000001",
  identity: "TEACHER",
  department: null,
  source: "VOLUNTEER",
  studentCadre: false,
  region: null,
  ...overrides,
});

describe("staffRow: a checked record with the list's defaults", () => {
  it.each<[string, Record<string, unknown>, Partial<StaffRow>]>([
    ["no 来源 is 自愿报名", { identity: "TEACHER" }, { source: "VOLUNTEER", studentCadre: false }],
    ["a student cadre is kept", { identity: "STUDENT", studentCadre: true }, { studentCadre: true }],
    ["a teacher's 学生干部 is not", { identity: "TEACHER", studentCadre: true }, { studentCadre: false }],
    ["the source as written", { identity: "STUDENT", source: "COLLEGE_PICK" }, { source: "COLLEGE_PICK" }],
    [
      "department and region",
      { identity: "TEACHER", department: "护理学院", region: "成都" },
      { department: "护理学院", region: "成都" },
    ],
  ])("%s", (_case, values, expected) => {
    const record = { row: 5, key: "x1", values: { login: "x1", name: "某", phone: "13800000009", ...values } };
    expect(staffRow(record)).toMatchObject({ row: 5, login: "x1", name: "某", phone: "13800000009", ...expected });
  });
});

describe("planStaffImport", () => {
  const accounts = new Map<string, ExistingAccount>([
    ["old", { id: "u-old", login: "old", roles: ["CALLER"], inCampaign: false, active: true }],
    ["member", { id: "u-member", login: "member", roles: ["CALLER"], inCampaign: true, active: true }],
    ["boss", { id: "u-boss", login: "boss", roles: ["ADMIN"], inCampaign: false, active: true }],
    ["gone", { id: "u-gone", login: "gone", roles: ["CALLER"], inCampaign: false, active: false }],
  ]);

  it.each<[string, StaffRow, "create" | "existing", Record<string, unknown>]>([
    [
      "2023's excellent caller goes straight into the pool",
      row({ login: "n1", source: "EXCELLENT_2023" }),
      "create",
      { poolStatus: "APPROVED", qualification: "APPROVED" },
    ],
    ["a volunteer applies", row({ login: "n2" }), "create", { poolStatus: "APPLIED", qualification: "PENDING" }],
    ["a college pick applies", row({ login: "n3", source: "COLLEGE_PICK" }), "create", { poolStatus: "APPLIED" }],
    [
      "last year's caller joins",
      row({ login: "old" }),
      "existing",
      { userId: "u-old", joins: true, addsCaller: false, disabled: false },
    ],
    ["a pool member stays", row({ login: "member" }), "existing", { userId: "u-member", joins: false }],
    [
      "a disabled account joins but stays disabled, and says so",
      row({ login: "gone" }),
      "existing",
      { userId: "u-gone", joins: true, disabled: true },
    ],
    [
      "an admin on the list becomes a caller too",
      row({ login: "boss" }),
      "existing",
      { joins: true, addsCaller: true },
    ],
  ])("%s", (_case, person, side, expected) => {
    const plan = planStaffImport([person], accounts);
    expect(plan[side]).toEqual([expect.objectContaining({ login: person.login, ...expected })]);
    expect(plan[side === "create" ? "existing" : "create"]).toEqual([]);
  });

  it("counts a login on several rows once, by its first row", () => {
    const plan = planStaffImport(
      [row({ row: 2, login: "n1" }), row({ row: 3, login: "n1" }), row({ row: 4, login: "old" })],
      accounts,
    );
    expect(plan.create.map((p) => p.row)).toEqual([2]);
    expect(plan.existing.map((p) => p.row)).toEqual([4]);
  });
});
