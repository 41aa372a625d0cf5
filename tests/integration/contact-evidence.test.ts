import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { attachEvidence } from "@/app/(app)/calls/evidence-actions";
import { recordVerdict } from "@/app/(app)/inspection/actions";
import { GET as viewEvidence } from "@/app/api/contact-evidence/[evidenceId]/route";
import { db } from "@/lib/db";
import { mayViewEvidence } from "@/lib/evidence/rules";
import { anonymiseCampaign } from "@/lib/retention";
import { databaseStore } from "@/lib/storage";
import { DAY_MS, toDateColumn, Week } from "@/lib/time";
import { DEFAULT_WORKFLOW_POLICY } from "@/lib/workflow/policy";
import { buildCallsFixture, type CallsFixture, personWithRoles, tinyJpeg } from "../support/calls-fixtures";
import { makeRetentionDue } from "../support/retention";
import { signInAs } from "../support/session";

const shot = (name = "微信聊天.jpg") => new File([tinyJpeg()], name, { type: "image/jpeg" });

function evidenceForm(logId: string, files: File[]) {
  const form = new FormData();
  form.set("logId", logId);
  for (const file of files) form.append("screenshots", file);
  return form;
}

/** A WeChat contact by the candidate's caller, as the contact form left it. */
function wechatLog(fx: CallsFixture, patch: { createdAt?: Date; callerId?: string; candidateId?: string } = {}) {
  return db().contactLog.create({
    data: {
      campaignId: fx.campaign.id,
      candidateId: patch.candidateId ?? fx.candidateA.id,
      callerId: patch.callerId ?? fx.users.callerA.id,
      phase: 2,
      channel: "WECHAT",
      startedAt: new Date(),
      durationSeconds: 120,
      outcome: "GUIDED",
      idempotencyKey: randomUUID(),
      ...(patch.createdAt ? { createdAt: patch.createdAt, startedAt: patch.createdAt } : {}),
    },
  });
}

const stored = () => db().storedFile.count({ where: { kind: "CONTACT_EVIDENCE" } });

const view = (id: string) =>
  viewEvidence(new Request(`http://localhost/api/contact-evidence/${id}`), {
    params: Promise.resolve({ evidenceId: id }),
  });

describe("attachEvidence", () => {
  let fx: CallsFixture;
  let logId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    logId = (await wechatLog(fx)).id;
    signInAs(null);
  });

  it("keeps two screenshots with the caller's own contact, as files of the campaign, with one audit row", async () => {
    signInAs(fx.users.callerA);
    const result = await attachEvidence(evidenceForm(logId, [shot(), shot("通话记录.png")]));
    expect(result).toMatchObject({ ok: true, data: { count: 2, max: DEFAULT_WORKFLOW_POLICY.evidencePerContact } });
    const rows = await db().contactEvidence.findMany({ where: { contactLogId: logId }, include: { file: true } });
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row.file).toMatchObject({ kind: "CONTACT_EVIDENCE", campaignId: fx.campaign.id, size: tinyJpeg().length });
      const file = await databaseStore(db()).get("CONTACT_EVIDENCE", row.file.key);
      expect(new Uint8Array(Buffer.concat(await (file?.stream.toArray() ?? [])))).toEqual(tinyJpeg());
    }
    const audit = await db().auditLog.findMany({ where: { action: "evidence.attach", entityId: logId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: fx.users.callerA.id, before: { screenshots: 0 } });
    expect(audit[0]?.after).toMatchObject({ screenshots: 2 });
  });

  it("refuses more than the campaign's limit per contact, in Chinese, and keeps nothing of the post", async () => {
    await db().campaign.update({
      where: { id: fx.campaign.id },
      data: { workflowPolicy: { ...DEFAULT_WORKFLOW_POLICY, evidencePerContact: 2 } },
    });
    signInAs(fx.users.callerA);
    expect((await attachEvidence(evidenceForm(logId, [shot()]))).ok).toBe(true);
    const before = await stored();
    const result = await attachEvidence(evidenceForm(logId, [shot(), shot()]));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (result.ok) throw new Error("accepted");
    expect(result.fieldErrors?.screenshots?.[0]).toBe("每条联系最多保存 2 张截图，这条记录已有 1 张。");
    expect(await stored()).toBe(before);
    expect(await db().contactEvidence.count({ where: { contactLogId: logId } })).toBe(1);
    // the one that still fits is kept
    expect((await attachEvidence(evidenceForm(logId, [shot()]))).ok).toBe(true);
  });

  it.each([
    ["a text file named .jpg", new File(["这是一段文字，不是截图"], "x.jpg", { type: "image/jpeg" })],
    ["a GIF", new File([Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0])], "x.gif")],
  ])("refuses %s, in Chinese, and stores nothing", async (_, file) => {
    signInAs(fx.users.callerA);
    const before = await stored();
    const result = await attachEvidence(evidenceForm(logId, [shot(), file]));
    if (result.ok) throw new Error("accepted");
    expect(result.fieldErrors?.screenshots?.[0]).toBe("这不是 JPEG、PNG 或 WebP 图片，请选择截图文件。");
    expect(await stored()).toBe(before);
    expect(await db().contactEvidence.count({ where: { contactLogId: logId } })).toBe(0);
  });

  it("does not find someone else's contact, even the group leader's or an inspector's", async () => {
    for (const user of [fx.users.callerB, fx.users.leaderA, fx.users.strike]) {
      signInAs(user);
      expect(await attachEvidence(evidenceForm(logId, [shot()]))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    }
    signInAs(fx.users.inspector);
    expect(await attachEvidence(evidenceForm(logId, [shot()]))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await db().contactEvidence.count({ where: { contactLogId: logId } })).toBe(0);
  });

  it("refuses a contact recorded days ago, past its edit window", async () => {
    const old = await wechatLog(fx, { createdAt: new Date(Date.now() - 3 * DAY_MS) });
    signInAs(fx.users.callerA);
    const result = await attachEvidence(evidenceForm(old.id, [shot()]));
    if (result.ok) throw new Error("accepted");
    expect(result.fieldErrors?.screenshots?.[0]).toContain("已过时限");
  });
});

describe("who sees a screenshot (GET /api/contact-evidence)", () => {
  let fx: CallsFixture;
  let evidenceId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    const log = await wechatLog(fx);
    signInAs(fx.users.callerA);
    const result = await attachEvidence(evidenceForm(log.id, [shot()]));
    if (!result.ok) throw new Error(result.error);
    evidenceId = result.data.evidenceIds[0] as string;
  });

  it("serves it, never from a cache, to inspectors, the current caller, the group's leader and a strike member holding the case", async () => {
    const holder = await personWithRoles(fx, ["STRIKE"]);
    await db().escalation.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        reason: "PHONE_OFF",
        fromUserId: fx.users.callerA.id,
        toTeam: "STRIKE",
        status: "CLAIMED",
        assigneeId: holder.id,
      },
    });
    const cases = [
      [fx.users.inspector, 200],
      [fx.users.callerA, 200],
      [fx.users.leaderA, 200],
      [holder, 200],
      [fx.users.strike, 404],
      [fx.users.callerB, 404],
      [fx.users.leaderB, 404],
      [fx.users.data, 404],
      [fx.users.admin, 404],
    ] as const;
    for (const [user, status] of cases) {
      signInAs(user);
      const response = await view(evidenceId);
      expect(response.status, user.login).toBe(status);
      // the pure rule says the same
      const candidate = {
        assignedCallerId: fx.users.callerA.id,
        groupLeaderId: fx.users.leaderA.id,
        claimedBy: [holder.id],
      };
      expect(mayViewEvidence(user, candidate), user.login).toBe(status === 200);
      if (status === 200) {
        expect(response.headers.get("content-type")).toBe("image/jpeg");
        expect(response.headers.get("cache-control")).toBe("private, no-store");
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(tinyJpeg());
      }
    }
  });

  it("stops serving it to a caller the candidate is moved away from", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { assignedCallerId: fx.users.callerB.id } });
    signInAs(fx.users.callerA);
    expect((await view(evidenceId)).status).toBe(404);
    signInAs(fx.users.callerB);
    expect((await view(evidenceId)).status).toBe(200);
  });

  it("audits every view, as a phone reveal, and none that is refused", async () => {
    const views = () => db().auditLog.findMany({ where: { action: "evidence.view", entityId: evidenceId } });
    signInAs(fx.users.inspector);
    await view(evidenceId);
    await view(evidenceId);
    signInAs(fx.users.callerB);
    await view(evidenceId);
    const rows = await views();
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.actorId === fx.users.inspector.id && r.entityType === "ContactEvidence")).toBe(true);
  });
});

describe("a verdict citing a screenshot", () => {
  it("stores which screenshot of the log the verdict rests on, and refuses another log's", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    const log = await wechatLog(fx);
    const other = await wechatLog(fx);
    signInAs(fx.users.callerA);
    const mine = await attachEvidence(evidenceForm(log.id, [shot(), shot()]));
    const theirs = await attachEvidence(evidenceForm(other.id, [shot()]));
    if (!mine.ok || !theirs.ok) throw new Error("not attached");
    await db().inspection.create({
      data: {
        campaignId: fx.campaign.id,
        contactLogId: log.id,
        reason: "SAMPLE",
        weekStart: toDateColumn(Week.of(log.startedAt)),
      },
    });
    signInAs(fx.users.inspector);
    const refused = await recordVerdict({
      logId: log.id,
      verdict: "CONFIRMED",
      citedEvidenceId: theirs.data.evidenceIds[0],
    });
    if (refused.ok) throw new Error("accepted");
    expect(refused.fieldErrors?.citedEvidenceId?.[0]).toBe("只能引用这条联系记录自己的截图。");

    const cited = mine.data.evidenceIds[1] as string;
    expect(await recordVerdict({ logId: log.id, verdict: "CONFIRMED", citedEvidenceId: cited })).toMatchObject({
      ok: true,
    });
    const inspection = await db().inspection.findFirstOrThrow({ where: { contactLogId: log.id } });
    expect(inspection).toMatchObject({ verdict: "CONFIRMED", citedEvidenceId: cited });
    const audit = await db().auditLog.findFirstOrThrow({
      where: { action: "inspection.verdict", entityId: inspection.id },
    });
    expect(audit.after).toMatchObject({ citedEvidenceId: cited });
  });
});

describe("retention", () => {
  it("removes the campaign's screenshots and their files with its other personal data", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    const log = await wechatLog(fx);
    signInAs(fx.users.callerA);
    const result = await attachEvidence(evidenceForm(log.id, [shot(), shot()]));
    if (!result.ok) throw new Error(result.error);
    await db().inspection.create({
      data: {
        campaignId: fx.campaign.id,
        contactLogId: log.id,
        reason: "SAMPLE",
        weekStart: toDateColumn(Week.of(log.startedAt)),
        verdict: "CONFIRMED",
        citedEvidenceId: result.data.evidenceIds[0],
      },
    });
    const files = await db().contactEvidence.findMany({ where: { contactLogId: log.id }, select: { fileId: true } });
    await makeRetentionDue(fx.campaign.id);
    const { counts } = await anonymiseCampaign(db(), fx.campaign.id);
    expect(counts.contactScreenshots).toBe(2);
    expect(await db().contactEvidence.count({ where: { contactLogId: log.id } })).toBe(0);
    expect(await db().storedFile.count({ where: { id: { in: files.map((f) => f.fileId) } } })).toBe(0);
    expect(await db().storedFile.count({ where: { campaignId: fx.campaign.id, kind: "CONTACT_EVIDENCE" } })).toBe(0);
    // the verdict stays, without its reference
    expect(await db().inspection.findFirstOrThrow({ where: { contactLogId: log.id } })).toMatchObject({
      verdict: "CONFIRMED",
      citedEvidenceId: null,
    });
  });
});
