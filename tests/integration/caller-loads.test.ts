import { afterAll, describe, expect, it } from "vitest";
import { handBackForLeave } from "@/app/(app)/groups/actions";
import { callerLoads } from "@/lib/assignment";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { addStaff, createCampaign, createCandidate, createGroup, createUser } from "@/prisma/seed/factories";
import { makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";
import { signInAs } from "../support/session";

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

let n = 0;

/**
 * Last year's campaign, whose anonymised candidates still name their caller, and this year's: in it,
 * "veteran" held many candidates last year and none here, "busy" holds one here.
 */
async function fixture() {
  n += 1;
  const now = new Date();
  const lastYear = await createCampaign(db(), {
    now: new Date(now.getTime() - 365 * 86_400_000),
    name: `去年${n}`,
  });
  const campaign = await createCampaign(db(), { now, openPhase: 2, name: `今年${n}` });
  const leader = await createUser(db(), { login: `loads-leader-${n}`, roles: ["GROUP_LEADER"] });
  const veteran = await createUser(db(), { login: `loads-veteran-${n}`, roles: ["CALLER"] });
  const busy = await createUser(db(), { login: `loads-busy-${n}`, roles: ["CALLER"] });
  const group = await createGroup(db(), {
    campaignId: campaign.id,
    name: "成都组",
    region: "成都",
    leaderId: leader.id,
  });
  for (const u of [veteran, busy]) await addStaff(db(), { campaignId: campaign.id, userId: u.id, groupId: group.id });
  for (let i = 0; i < 5; i++) await createCandidate(db(), { campaignId: lastYear.id, assignedCallerId: veteran.id });
  await createCandidate(db(), { campaignId: campaign.id, groupId: group.id, assignedCallerId: busy.id });
  return { campaign, group, leader, veteran, busy };
}

describe("the least loaded caller counts this campaign's candidates only", () => {
  it("callerLoads counts the campaign, and the group when given", async () => {
    const fx = await fixture();
    const loads = await callerLoads(db(), fx.campaign.id);
    expect([loads.of(fx.veteran.id), loads.of(fx.busy.id)]).toEqual([0, 1]);
    const inGroup = await callerLoads(db(), fx.campaign.id, fx.group.id);
    expect([inGroup.of(fx.veteran.id), inGroup.of(fx.busy.id), inGroup.unassigned]).toEqual([0, 1, 0]);
  });

  it("an import gives this campaign's next candidate to the caller with many only in an older campaign", async () => {
    const fx = await fixture();
    const admin = await createUser(db(), { login: `loads-admin-${n}`, roles: ["DATA"] });
    const file = writeCsv(
      dir,
      `toudang-${n}.csv`,
      [
        ["2024年单招投档名单", "", "", "", ""],
        ["考生号", "姓名", "联系电话", "地区", "专业"],
        [`2451019900${String(n).padStart(4, "0")}`, "新生", "13800000009", "成都市", "护理"],
      ],
      "gb18030",
    );
    const result = await applyImport(db(), {
      campaignId: fx.campaign.id,
      kind: "toudang",
      path: file,
      fileName: `toudang-${n}.csv`,
      by: { id: admin.id },
    });
    expect(result).toMatchObject({ ok: true, created: 1 });
    const added = await db().candidate.findFirstOrThrow({ where: { campaignId: fx.campaign.id, name: "新生" } });
    expect(added.assignedCallerId).toBe(fx.veteran.id);
  });

  it("a hand-back on leave gives the candidates to the caller with many only in an older campaign", async () => {
    const fx = await fixture();
    const leaving = await createUser(db(), { login: `loads-leaving-${n}`, roles: ["CALLER"] });
    await addStaff(db(), { campaignId: fx.campaign.id, userId: leaving.id, groupId: fx.group.id });
    const charge = await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.group.id,
      assignedCallerId: leaving.id,
    });
    signInAs(fx.leader);
    expect(await handBackForLeave({ callerId: leaving.id })).toEqual({ ok: true, data: { reassigned: 1 } });
    expect((await db().candidate.findUniqueOrThrow({ where: { id: charge.id } })).assignedCallerId).toBe(fx.veteran.id);
  });
});
