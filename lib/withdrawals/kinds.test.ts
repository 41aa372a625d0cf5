import { describe, expect, it } from "vitest";
import { WITHDRAWAL_CHECKLIST } from "@/lib/workflow/rules";
import {
  DECLINE_CHECKLIST,
  declineRefusal,
  foreignItems,
  materialsEditable,
  materialsOpen,
  materialsReady,
} from "./kinds";

const DAY = 86_400_000;
const t0 = Date.parse("2024-07-01T00:00:00Z");
// phases 1-4 back to back, ten days each
const windows = [1, 2, 3, 4].map((phase) => ({
  phase,
  opensAt: new Date(t0 + (phase - 1) * 10 * DAY),
  closesAt: new Date(t0 + phase * 10 * DAY),
}));
const inPhase = (phase: number) => new Date(t0 + (phase - 1) * 10 * DAY + DAY);
const afterAll = new Date(t0 + 41 * DAY);

describe("materialsOpen", () => {
  it.each([
    ["WITHDRAW", 1, false],
    ["WITHDRAW", 2, true],
    ["WITHDRAW", 3, false],
    ["DECLINE", 2, false],
    ["DECLINE", 3, true],
    ["DECLINE", 4, true],
  ] as const)("%s in phase %i: %s", (kind, phase, open) => {
    expect(materialsOpen(kind, windows, inPhase(phase))).toBe(open);
  });

  it("is closed for both kinds once every phase has closed", () => {
    expect(materialsOpen("WITHDRAW", windows, afterAll)).toBe(false);
    expect(materialsOpen("DECLINE", windows, afterAll)).toBe(false);
  });
});

describe("materialsReady", () => {
  const all = (kind: "WITHDRAW" | "DECLINE") => [...(kind === "WITHDRAW" ? WITHDRAWAL_CHECKLIST : DECLINE_CHECKLIST)];

  it.each([
    ["a complete 退档 with a photo", "WITHDRAW", all("WITHDRAW"), 1, null, true],
    ["a 退档 without a photo", "WITHDRAW", all("WITHDRAW"), 0, null, false],
    ["a 退档 with an item missing", "WITHDRAW", all("WITHDRAW").slice(1), 2, null, false],
    ["a 退档 ticked with the 放弃录取 list", "WITHDRAW", all("DECLINE"), 1, null, false],
    ["a complete 放弃录取 with a reason", "DECLINE", all("DECLINE"), 1, "已被其他学校录取", true],
    ["a 放弃录取 without a reason", "DECLINE", all("DECLINE"), 1, null, false],
    ["a 放弃录取 with a blank reason", "DECLINE", all("DECLINE"), 1, "   ", false],
    ["a 放弃录取 without a photo", "DECLINE", all("DECLINE"), 0, "去当兵", false],
    ["a 放弃录取 ticked with the 退档 list", "DECLINE", all("WITHDRAW"), 1, "去当兵", false],
  ] as const)("%s: %s", (_label, kind, checklist, photoCount, reason, ready) => {
    expect(materialsReady(kind, { checklist, photoCount, reason })).toBe(ready);
  });
});

describe("foreignItems", () => {
  it("names the items that are not on the kind's list", () => {
    expect(foreignItems("DECLINE", ["DECLINE_FORM_SIGNED", "APPLICATION_SIGNED"])).toEqual(["APPLICATION_SIGNED"]);
    expect(foreignItems("WITHDRAW", ["APPLICATION_SIGNED", "ADMISSION_NOTICE"])).toEqual(["ADMISSION_NOTICE"]);
    // both lists share the parent's signature and the ID copy
    expect(foreignItems("WITHDRAW", ["GUARDIAN_SIGNED", "ID_COPY"])).toEqual([]);
    expect(foreignItems("DECLINE", ["GUARDIAN_SIGNED", "ID_COPY"])).toEqual([]);
  });
});

describe("materialsEditable", () => {
  it.each([
    ["NONE", false],
    ["AGREED", true],
    ["SUBMITTED", false],
    ["SENT_BACK", true],
    ["APPROVED", false],
  ] as const)("%s: %s", (status, editable) => {
    expect(materialsEditable(status)).toBe(editable);
  });
});

describe("declineRefusal", () => {
  const admitted = { admitted: true, withdrawal: "NONE", decline: "NONE", enrollmentRecord: null } as const;

  it.each([
    ["an admitted candidate in 录取后", admitted, 3, null],
    ["an admitted candidate in 报到", admitted, 4, null],
    ["a candidate not admitted", { ...admitted, admitted: false }, 3, "NOT_ADMITTED"],
    ["a withdrawn candidate", { ...admitted, admitted: false, withdrawal: "APPROVED" }, 3, "WITHDRAWN"],
    ["after an approved 放弃录取", { ...admitted, decline: "APPROVED" }, 3, "ALREADY_DECLINED"],
    ["while one is submitted", { ...admitted, decline: "SUBMITTED" }, 3, "IN_PROGRESS"],
    ["while one was sent back", { ...admitted, decline: "SENT_BACK" }, 4, "IN_PROGRESS"],
    ["an enrollment on the 报到 list", { ...admitted, enrollmentRecord: "LIST" }, 4, "ENROLLED"],
    ["an enrollment confirmed by the data team", { ...admitted, enrollmentRecord: "DATA_TEAM" }, 4, "ENROLLED"],
    ["in the 投档 phase", admitted, 2, "CLOSED"],
  ] as const)("%s: %s", (_label, candidate, phase, refusal) => {
    expect(declineRefusal(candidate, windows, inPhase(phase))).toBe(refusal);
  });

  it("is closed once 报到 has closed", () => {
    expect(declineRefusal(admitted, windows, afterAll)).toBe("CLOSED");
  });
});
