import { beforeAll, describe, expect, it } from "vitest";
import { applyUpload } from "@/app/(app)/admin/imports/actions";
import { POST } from "@/app/api/imports/route";
import { db } from "@/lib/db";
import { addStaff, createCampaign, createGroup, createUser } from "@/prisma/seed/factories";
import { csvText, inChinese } from "../support/import-fixtures";
import { signInAs } from "../support/session";

// The groups write their region short (泸州, 达州), the provincial list long (泸州市, 达州市): one
// stripped suffix made them 泸 and 泸州, and the candidates went to nobody without a warning.

const LIST = csvText([
  ["考生号", "姓名", "联系电话", "生源地"],
  ["24510303000001", "达州甲", "13600000001", "达州市"], // row 2
  ["24510303000002", "泸州乙", "13600000002", "泸州市"], // row 3
  ["24510303000003", "阿坝丙", "13600000003", "阿坝藏族羌族自治州"], // row 4
  ["24510303000004", "重庆丁", "13600000004", "重庆市"], // row 5
  ["24510303000005", "泸州戊", "13600000005", "泸州"], // row 6
]);

describe("regions of a 投档 list", () => {
  let campaignId: string;
  let data: Awaited<ReturnType<typeof createUser>>;
  const groups: Record<string, string> = {};

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2, name: "片区" });
    campaignId = campaign.id;
    data = await createUser(db(), { login: "regions-data", roles: ["DATA"] });
    for (const [i, region] of ["达州", "泸州", "成都"].entries()) {
      const group = await createGroup(db(), { campaignId, name: `${region}组`, region });
      const caller = await createUser(db(), { login: `regions-caller-${i}`, roles: ["CALLER"] });
      await addStaff(db(), { campaignId, userId: caller.id, groupId: group.id });
      groups[region] = group.id;
    }
  });

  it("assigns 达州市 and 泸州市 rows to the 达州 and 泸州 groups, after warning for each row no group covers", async () => {
    signInAs(data);
    const form = new FormData();
    form.set("file", new File([LIST], "投档名单.csv", { type: "text/csv" }));
    form.set("kind", "toudang");
    const response = await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
    const preview = (await response.json()) as {
      fileHash: string;
      warnings: { row: number; column: string; code: string; message: unknown }[];
      warningCount: number;
    };
    expect(preview.warningCount).toBe(2);
    // each warning is a sentence with its values (the page renders it in the reader's language)
    expect(inChinese(preview.warnings)).toEqual([
      {
        row: 4,
        column: "生源地",
        code: "REGION_WITHOUT_GROUP",
        message: "地区“阿坝藏族羌族自治州”没有对应的回访小组，该考生将不会分配给任何人。",
      },
      {
        row: 5,
        column: "生源地",
        code: "REGION_WITHOUT_GROUP",
        message: "地区“重庆市”没有对应的回访小组，该考生将不会分配给任何人。",
      },
    ]);

    const applied = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "投档名单.csv",
    });
    expect(applied).toMatchObject({ ok: true, data: { created: 5, unassigned: 2 } });
    const placed = await db().candidate.findMany({
      where: { campaignId },
      orderBy: { examNo: "asc" },
      select: { name: true, groupId: true, assignedCallerId: true },
    });
    expect(placed.map((c) => [c.name, c.groupId, c.assignedCallerId !== null])).toEqual([
      ["达州甲", groups.达州, true],
      ["泸州乙", groups.泸州, true],
      ["阿坝丙", null, false],
      ["重庆丁", null, false],
      ["泸州戊", groups.泸州, true],
    ]);
  });

  it("gives a region two groups claim to the group set up first, and says so on each of its rows", async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 2, name: "片区重复" });
    const first = await createGroup(db(), { campaignId: campaign.id, name: "宜宾一组", region: "宜宾" });
    const second = await createGroup(db(), { campaignId: campaign.id, name: "宜宾二组", region: "宜宾市" });
    for (const [i, group] of [first, second].entries()) {
      const caller = await createUser(db(), { login: `regions-twice-${i}`, roles: ["CALLER"] });
      await addStaff(db(), { campaignId: campaign.id, userId: caller.id, groupId: group.id });
    }
    signInAs(data);
    const form = new FormData();
    const list = csvText([
      ["考生号", "姓名", "联系电话", "地区"],
      ["24510404000001", "宜宾甲", "13500000001", "宜宾市"],
    ]);
    form.set("file", new File([list], "宜宾.csv", { type: "text/csv" }));
    form.set("kind", "toudang");
    const response = await POST(new Request("http://localhost/api/imports", { method: "POST", body: form }));
    const preview = (await response.json()) as { fileHash: string; warnings: unknown[] };
    expect(inChinese(preview.warnings)).toEqual([
      {
        row: 2,
        column: "地区",
        code: "REGION_OF_TWO_GROUPS",
        message: "地区“宜宾市”同时属于宜宾一组、宜宾二组，将分配给宜宾一组。",
      },
    ]);
    const applied = await applyUpload({
      fileHash: preview.fileHash,
      format: "csv",
      kind: "toudang",
      fileName: "宜宾.csv",
    });
    expect(applied).toMatchObject({ ok: true, data: { created: 1, unassigned: 0 } });
    const candidate = await db().candidate.findFirstOrThrow({ where: { campaignId: campaign.id } });
    expect(candidate.groupId).toBe(first.id);
  });
});
