// 话术与培训手册: an admin saves a script or the manual as a new version of the campaign in use, never over
// an earlier one; a save on a version someone else has moved past is refused with the text untouched (the
// form keeps it); other roles are refused; a new campaign copied from an earlier one starts from its texts.
import { beforeEach, describe, expect, it } from "vitest";
import { createNewCampaign } from "@/app/(app)/admin/campaigns/actions";
import { saveScript } from "@/app/(app)/admin/scripts/actions";
import { db } from "@/lib/db";
import { currentScript, latestScripts, scriptVersion, scriptVersions } from "@/lib/scripts/queries";
import { createCampaign, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

describe("saving call scripts and the training manual", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let campaignId: string;

  beforeEach(async () => {
    await db().campaign.deleteMany();
    admin = await createUser(db(), { login: `admin${Date.now()}`, name: "张老师", roles: ["ADMIN"] });
    campaignId = (await createCampaign(db(), { now: new Date(), openPhase: 2 })).id;
    signInAs(admin);
  });

  const stored = () =>
    db().scriptVersion.findMany({
      where: { campaignId },
      orderBy: [{ document: "asc" }, { version: "asc" }],
      select: { document: true, version: true, body: true, authorId: true },
    });

  it("creates version 1, then version 2 on top of it, keeping version 1 as it was", async () => {
    expect(await saveScript({ document: "PHASE_2", baseVersion: 0, body: "## 开场\r\n您好" })).toEqual({
      ok: true,
      data: { version: 1 },
    });
    expect(await saveScript({ document: "PHASE_2", baseVersion: 1, body: "## 开场\n您好，我是回访老师" })).toEqual({
      ok: true,
      data: { version: 2 },
    });
    expect(await stored()).toEqual([
      { document: "PHASE_2", version: 1, body: "## 开场\n您好", authorId: admin.id },
      { document: "PHASE_2", version: 2, body: "## 开场\n您好，我是回访老师", authorId: admin.id },
    ]);
    expect(await currentScript(campaignId, "PHASE_2")).toMatchObject({ version: 2, author: { name: "张老师" } });
    expect(await scriptVersion(campaignId, "PHASE_2", 1)).toMatchObject({ body: "## 开场\n您好" });
    expect((await scriptVersions(campaignId, "PHASE_2")).map((v) => v.version)).toEqual([2, 1]);
    expect((await latestScripts(campaignId)).map((l) => [l.document, l.version])).toEqual([["PHASE_2", 2]]);
    const audits = await db().auditLog.findMany({ where: { action: "scripts.save", actorId: admin.id } });
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ entityType: "ScriptVersion", after: { document: "PHASE_2", version: 2 } });
  });

  it("keeps each document's versions apart", async () => {
    await saveScript({ document: "MANUAL", baseVersion: 0, body: "# 培训手册" });
    expect(await saveScript({ document: "PHASE_1", baseVersion: 0, body: "第一阶段" })).toMatchObject({
      ok: true,
      data: { version: 1 },
    });
    expect(await currentScript(campaignId, "PHASE_3")).toBeNull();
  });

  it("refuses a save on a version someone has moved past, in Chinese, and writes nothing", async () => {
    const other = await createUser(db(), { login: `admin2-${Date.now()}`, name: "李老师", roles: ["ADMIN"] });
    await saveScript({ document: "MANUAL", baseVersion: 0, body: "第一版" });
    // both opened version 1; the other admin saves first
    signInAs(other);
    expect(await saveScript({ document: "MANUAL", baseVersion: 1, body: "李老师的第二版" })).toMatchObject({
      ok: true,
    });
    signInAs(admin);
    const auditsBefore = await db().auditLog.count();
    const result = await saveScript({ document: "MANUAL", baseVersion: 1, body: "张老师的修改" });
    expect(result).toMatchObject({
      ok: false,
      code: "STALE",
      fieldErrors: { body: ["第 2 版已由他人保存，您的文字没有保存，仍保留在表单中。"] },
    });
    expect((await stored()).map((s) => s.body)).toEqual(["第一版", "李老师的第二版"]);
    expect(await db().auditLog.count()).toBe(auditsBefore);
    // once the admin has read version 2 and saves on top of it, theirs is version 3
    expect(await saveScript({ document: "MANUAL", baseVersion: 2, body: "合并后的第三版" })).toEqual({
      ok: true,
      data: { version: 3 },
    });
  });

  it("lets only one of two saves on the same version at once through", async () => {
    await saveScript({ document: "PHASE_3", baseVersion: 0, body: "第一版" });
    const results = await Promise.all([
      saveScript({ document: "PHASE_3", baseVersion: 1, body: "甲" }),
      saveScript({ document: "PHASE_3", baseVersion: 1, body: "乙" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: expect.stringMatching(/^(STALE|CONFLICT)$/) });
    expect((await stored()).map((s) => s.version)).toEqual([1, 2]);
  });

  it("refuses an empty or an over-long text, and a document that does not exist, writing nothing", async () => {
    expect(await saveScript({ document: "MANUAL", baseVersion: 0, body: "  \n " })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { body: ["请填写内容。"] },
    });
    expect(await saveScript({ document: "MANUAL", baseVersion: 0, body: "字".repeat(20_001) })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { body: ["内容不能超过 20000 字，请删减后再保存。"] },
    });
    expect(await saveScript({ document: "PHASE_5", baseVersion: 0, body: "x" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await saveScript({ document: "MANUAL", baseVersion: 0, body: "x", campaignId })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
    expect(await stored()).toEqual([]);
  });

  it("refuses every role but the admin, and nobody signed in, writing nothing", async () => {
    for (const role of ["CALLER", "GROUP_LEADER", "DATA", "INSPECTOR", "CALLBACK_LEAD"] as const) {
      signInAs(await createUser(db(), { login: `${role.toLowerCase()}${Date.now()}`, roles: [role] }));
      expect(await saveScript({ document: "PHASE_2", baseVersion: 0, body: "越权" }), role).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
    }
    signInAs(null);
    expect(await saveScript({ document: "PHASE_2", baseVersion: 0, body: "越权" })).toMatchObject({
      ok: false,
      code: "UNAUTHENTICATED",
    });
    expect(await stored()).toEqual([]);
  });

  it("gives a campaign copied from this one the latest text of each document as its version 1", async () => {
    await saveScript({ document: "MANUAL", baseVersion: 0, body: "旧手册" });
    await saveScript({ document: "MANUAL", baseVersion: 1, body: "新手册" });
    await saveScript({ document: "PHASE_4", baseVersion: 0, body: "报到话术" });
    const result = await createNewCampaign({
      name: "2025年单招录取回访",
      year: "2025",
      planSize: "1500",
      copyFrom: campaignId,
      phases: [
        { phase: 1, opensAt: "2025-04-20T08:00", closesAt: "2025-05-10T22:00" },
        { phase: 2, opensAt: "2025-05-11T08:00", closesAt: "2025-06-10T22:00" },
        { phase: 3, opensAt: "2025-06-11T08:00", closesAt: "2025-07-31T22:00" },
        { phase: 4, opensAt: "2025-08-25T08:00", closesAt: "2025-09-15T22:00" },
      ],
    });
    if (!result.ok) throw new Error(result.error);
    const copied = await db().scriptVersion.findMany({
      where: { campaignId: result.data.id },
      orderBy: { document: "asc" },
      select: { document: true, version: true, body: true, authorId: true },
    });
    expect(copied).toEqual([
      { document: "MANUAL", version: 1, body: "新手册", authorId: admin.id },
      { document: "PHASE_4", version: 1, body: "报到话术", authorId: admin.id },
    ]);
    // the earlier campaign keeps its own versions
    expect((await stored()).map((s) => [s.document, s.version])).toEqual([
      ["MANUAL", 1],
      ["MANUAL", 2],
      ["PHASE_4", 1],
    ]);
  });
});
