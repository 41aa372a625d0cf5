import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/exports/[kind]/route";
import { db } from "@/lib/db";
import { addStaff, createCampaign, createCandidate, createGroup, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;

const get = (kind: string, query = "") =>
  GET(new Request(`http://localhost/api/exports/${kind}${query}`), { params: Promise.resolve({ kind }) });

async function sheetRows(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("exports", () => {
  let data: User;
  let leaderA: User;
  let callerA: User;
  let callerB: User;
  let groupA: string;
  let groupB: string;

  beforeAll(async () => {
    const campaign = await createCampaign(db(), { now: new Date(), openPhase: 4 });
    data = await createUser(db(), { login: "export-data", roles: ["DATA"] });
    leaderA = await createUser(db(), { login: "export-leader-a", roles: ["GROUP_LEADER", "CALLER"] });
    callerA = await createUser(db(), { login: "export-caller-a", roles: ["CALLER"] });
    callerB = await createUser(db(), { login: "export-caller-b", roles: ["CALLER"] });
    groupA = (await createGroup(db(), { campaignId: campaign.id, name: "A组", region: "成都", leaderId: leaderA.id }))
      .id;
    groupB = (await createGroup(db(), { campaignId: campaign.id, name: "B组", region: "绵阳" })).id;
    await addStaff(db(), { campaignId: campaign.id, userId: leaderA.id, groupId: groupA });
    await addStaff(db(), { campaignId: campaign.id, userId: callerA.id, groupId: groupA });
    await addStaff(db(), { campaignId: campaign.id, userId: callerB.id, groupId: groupB });
    const a = await createCandidate(db(), {
      campaignId: campaign.id,
      examNo: "24510101000001",
      name: '=HYPERLINK("http://evil.example","点我")',
      groupId: groupA,
      assignedCallerId: callerA.id,
      phones: ["13812345678"],
    });
    await createCandidate(db(), {
      campaignId: campaign.id,
      examNo: "24510701000002",
      name: "乙",
      groupId: groupB,
      assignedCallerId: callerB.id,
    });
    await db().contactLog.create({
      data: {
        campaignId: campaign.id,
        candidateId: a.id,
        callerId: callerA.id,
        phase: 4,
        channel: "WECHAT",
        startedAt: new Date(),
        durationSeconds: 300,
        outcome: "CONSULTED",
        notes: "+1 回电",
        idempotencyKey: crypto.randomUUID(),
      },
    });
  });

  it("gives the data team the whole campaign with Chinese headers, formulas neutralised, no phone numbers", async () => {
    signInAs(data);
    const response = await get("campaign");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain(encodeURIComponent("考生名单"));
    const rows = await sheetRows(response);
    expect(rows[0]?.slice(0, 3)).toEqual(["考生号", "姓名", "性别"]);
    expect(rows.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ["24510101000001", '\'=HYPERLINK("http://evil.example","点我")'],
      ["24510701000002", "乙"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("13812345678");
    expect(await db().auditLog.count({ where: { actorId: data.id, action: "export.campaign" } })).toBe(1);
  });

  it("gives a caller their own ledger, and a leader their group's", async () => {
    signInAs(callerA);
    const own = await sheetRows(await get("caller"));
    expect(own.slice(1).map((r) => [r[1], r[4], r[7]])).toEqual([["24510101000001", "微信", "'+1 回电"]]);
    signInAs(leaderA);
    const group = await sheetRows(await get("group", `?groupId=${groupA}`));
    expect(group).toHaveLength(2);
    const callerLedger = await get("caller", `?callerId=${callerA.id}`);
    expect(callerLedger.status).toBe(200);
  });

  it.each([
    ["a caller, the whole campaign", () => callerA, "campaign", ""],
    ["a caller, another caller's ledger", () => callerA, "caller", "?callerId=B"],
    ["a leader, another group's ledger", () => leaderA, "group", "?groupId=B"],
    ["a leader, a caller of another group", () => leaderA, "caller", "?callerId=B"],
    ["anyone, an unknown export", () => data, "phones", ""],
  ])("refuses %s with 404, writing no audit row", async (_, who, kind, query) => {
    signInAs(who());
    const before = await db().auditLog.count();
    const response = await get(
      kind,
      query.replace("callerId=B", `callerId=${callerB.id}`).replace("groupId=B", `groupId=${groupB}`),
    );
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ code: "NOT_FOUND", error: "找不到该记录，它可能已被删除或不归你负责。" });
    expect(await db().auditLog.count()).toBe(before);
  });

  it("refuses without a session", async () => {
    signInAs(null);
    const response = await get("campaign");
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
