import { describe, expect, it } from "vitest";
import { matchProspects, prospectForConsultation, sameName } from "./match";

const candidate = (examNo: string, name: string, ...phones: string[]) => ({ examNo, name, phones });
const prospect = (id: string, name: string, examNo: string | null, phone: string | null) => ({
  id,
  name,
  examNo,
  phone,
});

describe("matchProspects", () => {
  const list = [
    candidate("24510101000001", "张三", "13800000001"),
    candidate("24510101000002", "李四", "13800000002", "13900000002"),
    // twins on one parent's phone
    candidate("24510101000003", "王五", "13800000003"),
    candidate("24510101000004", "王五", "13800000003"),
  ];

  it.each([
    ["by exam number, whatever the phone", prospect("p", "张三", "24510101000001", "13700000000"), "matched"],
    ["by phone and name without exam number", prospect("p", "李四", null, "13900000002"), "matched"],
    ["by phone and name, name typed with a space", prospect("p", "李 四", null, "13800000002"), "matched"],
    ["phone alone is not enough", prospect("p", "李五", null, "13800000002"), "unmatched"],
    ["two candidates with that phone and name", prospect("p", "王五", null, "13800000003"), "ambiguous"],
    [
      "unknown exam number falls back to phone and name",
      prospect("p", "张三", "24510101999999", "13800000001"),
      "unmatched",
    ],
    ["nobody", prospect("p", "赵六", null, "13600000000"), "unmatched"],
    ["no phone, no exam number", prospect("p", "张三", null, null), "unmatched"],
  ])("%s", (_, p, kind) => {
    expect(matchProspects([p], list)[0]?.kind).toBe(kind);
  });

  it("says how it matched", () => {
    expect(matchProspects([prospect("p", "张三", "24510101000001", null)], list)[0]).toEqual({
      kind: "matched",
      prospectId: "p",
      examNo: "24510101000001",
      by: "examNo",
    });
    expect(matchProspects([prospect("p", "张三", null, "13800000001")], list)[0]).toMatchObject({ by: "phoneAndName" });
  });

  it("makes two prospects that claim one candidate ambiguous", () => {
    const result = matchProspects(
      [prospect("a", "张三", null, "13800000001"), prospect("b", "张三", "24510101000001", null)],
      list,
    );
    expect(result.map((r) => r.kind)).toEqual(["ambiguous", "ambiguous"]);
  });
});

describe("prospectForConsultation", () => {
  const existing = [prospect("a", "张三", "24510101000001", "13800000001"), prospect("b", "李四", null, "13800000002")];
  it("finds by exam number first, then phone", () => {
    expect(prospectForConsultation({ examNo: "24510101000001", phone: null }, existing)?.id).toBe("a");
    expect(prospectForConsultation({ examNo: null, phone: "13800000002" }, existing)?.id).toBe("b");
    expect(prospectForConsultation({ examNo: "24510101000009", phone: "13800000002" }, existing)?.id).toBe("b");
  });
  it("does not merge a different exam number on a shared phone", () => {
    expect(prospectForConsultation({ examNo: "24510101000009", phone: "13800000001" }, existing)).toBeNull();
    expect(prospectForConsultation({ examNo: null, phone: "13600000000" }, existing)).toBeNull();
  });
});

describe("sameName", () => {
  it("ignores spaces, refuses empty names", () => {
    expect(sameName("张　三", "张三")).toBe(true);
    expect(sameName("", "")).toBe(false);
  });
});
