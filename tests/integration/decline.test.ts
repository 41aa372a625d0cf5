import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeEach, describe, expect, it } from "vitest";
import { reviewWithdrawal } from "@/app/(app)/admin/withdrawals/actions";
import { GET as downloadBundle } from "@/app/(app)/admin/withdrawals/bundle/route";
import { logContact, saveWithdrawalMaterials } from "@/app/(app)/calls/actions";
import { fileDecline } from "@/app/(app)/calls/decline-actions";
import { db } from "@/lib/db";
import { loadCallerPayoutInput } from "@/lib/payouts";
import { smallFile } from "@/lib/storage";
import { type BundleEntry, zipStream } from "@/lib/withdrawals/bundle";
import { DECLINE_CHECKLIST } from "@/lib/withdrawals/kinds";
import { WITHDRAWAL_CHECKLIST } from "@/lib/workflow";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  closePhase,
  tinyJpeg,
  warmPool,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

const DECLINE_ITEMS = [...DECLINE_CHECKLIST];

function materialsForm(input: {
  requestId: string;
  checklist?: readonly string[];
  photos?: File[];
  reason?: string;
  submit?: boolean;
}) {
  const form = new FormData();
  form.set("requestId", input.requestId);
  for (const item of input.checklist ?? []) form.append("checklist", item);
  for (const photo of input.photos ?? []) form.append("photos", photo);
  if (input.reason !== undefined) form.set("reason", input.reason);
  if (input.submit) form.set("submit", "true");
  return form;
}

const jpegFile = () => new File([tinyJpeg()], "放弃录取申请表.jpg", { type: "image/jpeg" });

/** A PNG's magic bytes and a marker, so each photo in a bundle can be told apart by its bytes. */
function markedPng(marker: string): Uint8Array {
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Buffer.from(marker)]);
}

/** A request as the data team approved it at `reviewedAt`, with one photo per marker. */
async function approvedRequest(
  fx: CallsFixture,
  input: { candidateId: string; kind: "WITHDRAW" | "DECLINE"; reviewedAt: Date; markers: string[]; reason?: string },
) {
  return db().withdrawalRequest.create({
    data: {
      campaignId: fx.campaign.id,
      candidateId: input.candidateId,
      callerId: fx.users.callerA.id,
      kind: input.kind,
      status: "APPROVED",
      reason: input.reason ?? null,
      checklist: input.kind === "DECLINE" ? DECLINE_ITEMS : [...WITHDRAWAL_CHECKLIST],
      submittedAt: input.reviewedAt,
      reviewerId: fx.users.data.id,
      reviewedAt: input.reviewedAt,
      photos: {
        create: input.markers.map((marker, i) => ({
          mimeType: "image/png",
          size: markedPng(marker).length,
          createdAt: new Date(input.reviewedAt.getTime() - 60_000 + i * 1000),
          file: {
            create: smallFile(
              { kind: "WITHDRAWAL_PHOTO", key: `bundle/${marker}`, mimeType: "image/png" },
              markedPng(marker),
            ),
          },
        })),
      },
    },
  });
}

const bundleRequest = (query: string) =>
  downloadBundle(new Request(`http://localhost/admin/withdrawals/bundle?${query}`), {
    params: Promise.resolve({}),
  });

async function unzip(response: Response) {
  return JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()));
}

async function summaryRows(zip: JSZip): Promise<unknown[][]> {
  const bytes = await zip.file("summary.xlsx")?.async("nodebuffer");
  if (!bytes) throw new Error("no summary.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

describe("fileDecline", () => {
  let fx: CallsFixture;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 3 });
    signInAs(null);
  });

  it("files a 放弃录取 for an admitted candidate with the reason, one audit row", async () => {
    signInAs(fx.users.callerA);
    const result = await fileDecline({ candidateId: fx.candidateA.id, reason: " 已被其他学校录取 " });
    expect(result).toMatchObject({ ok: true });
    const after = await candidateState(fx.candidateA.id);
    expect(after.candidate).toMatchObject({ decline: "AGREED", withdrawal: "NONE", admitted: true });
    expect(after.withdrawals).toEqual([
      expect.objectContaining({
        kind: "DECLINE",
        status: "AGREED",
        reason: "已被其他学校录取",
        callerId: fx.users.callerA.id,
      }),
    ]);
    expect(await auditCount(fx, { action: "withdrawal.fileDecline" })).toBe(1);
  });

  it("refuses a candidate who is not admitted (that is a 退档), and changes nothing", async () => {
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { admitted: false } });
    const before = await candidateState(fx.candidateA.id);
    signInAs(fx.users.callerA);
    const result = await fileDecline({ candidateId: fx.candidateA.id, reason: "不想来了" });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(result.fieldErrors?.candidateId?.[0]).toContain("退档流程");
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses a second one while the first is in progress, and one after an approved one", async () => {
    signInAs(fx.users.callerA);
    expect(await fileDecline({ candidateId: fx.candidateA.id, reason: "去当兵" })).toMatchObject({ ok: true });
    const again = await fileDecline({ candidateId: fx.candidateA.id, reason: "去当兵" });
    expect(again).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { decline: "APPROVED" } });
    const afterApproval = await fileDecline({ candidateId: fx.candidateA.id, reason: "去当兵" });
    expect(afterApproval).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await db().withdrawalRequest.count({ where: { candidateId: fx.candidateA.id } })).toBe(1);
  });

  it("refuses a candidate whose enrollment is recorded", async () => {
    await db().candidate.update({
      where: { id: fx.candidateA.id },
      data: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
    });
    signInAs(fx.users.callerA);
    expect(await fileDecline({ candidateId: fx.candidateA.id, reason: "不来了" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
    });
  });

  it("refuses another caller's candidate as if it did not exist", async () => {
    signInAs(fx.users.callerB);
    expect(await fileDecline({ candidateId: fx.candidateA.id, reason: "不来了" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("refuses a blank reason", async () => {
    signInAs(fx.users.callerA);
    const result = await fileDecline({ candidateId: fx.candidateA.id, reason: "   " });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(result.fieldErrors?.reason?.[0]).toBe("请写明考生放弃录取的原因。");
  });

  it("refuses outside the 录取后 and 报到 phases", async () => {
    await closePhase(fx, 3);
    signInAs(fx.users.callerA);
    expect(await fileDecline({ candidateId: fx.candidateA.id, reason: "不来了" })).toMatchObject({
      ok: false,
      code: "CLOSED",
    });
  });
});

describe("a 放弃录取's materials and review", () => {
  let fx: CallsFixture;
  let requestId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 3 });
    signInAs(fx.users.callerA);
    const filed = await fileDecline({ candidateId: fx.candidateA.id, reason: "已被其他学校录取" });
    if (!filed.ok) throw new Error(filed.error);
    requestId = filed.data.requestId;
  });

  const submitComplete = () =>
    saveWithdrawalMaterials(
      materialsForm({
        requestId,
        checklist: DECLINE_ITEMS,
        photos: [jpegFile()],
        reason: "家里安排去当兵",
        submit: true,
      }),
    );

  it("submits the 放弃录取 checklist, a photo and the revised reason; the candidate's decline mirrors it", async () => {
    signInAs(fx.users.callerA);
    expect(await submitComplete()).toEqual({ ok: true, data: { status: "SUBMITTED", photoCount: 1 } });
    const after = await candidateState(fx.candidateA.id);
    expect(after.candidate).toMatchObject({ decline: "SUBMITTED", withdrawal: "NONE" });
    expect(after.withdrawals[0]).toMatchObject({
      status: "SUBMITTED",
      reason: "家里安排去当兵",
      checklist: DECLINE_ITEMS,
    });
  });

  it("refuses the 退档 checklist on a 放弃录取, and saves nothing", async () => {
    const before = await candidateState(fx.candidateA.id);
    signInAs(fx.users.callerA);
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist: [...WITHDRAWAL_CHECKLIST], photos: [jpegFile()], submit: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
  });

  it("refuses to submit without every item", async () => {
    signInAs(fx.users.callerA);
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist: DECLINE_ITEMS.slice(1), photos: [jpegFile()], submit: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(result.fieldErrors?.checklist?.[0]).toContain("写明原因");
  });

  it("approving leaves the candidate admitted, and they count as a declined admission of their credited caller", async () => {
    // what the payout explanation names: the approved 放弃录取 among the caller's credited admitted
    const declinedIn = async (callerId: string) =>
      (await loadCallerPayoutInput(db(), fx.campaign.id, callerId))?.input.declined;
    signInAs(fx.users.callerA);
    await submitComplete();
    const request = await db().withdrawalRequest.findUniqueOrThrow({ where: { id: requestId } });
    signInAs(fx.users.data);
    expect(await reviewWithdrawal({ requestId, version: request.version, decision: "approve" })).toEqual({
      ok: true,
      data: { status: "APPROVED" },
    });
    const after = await candidateState(fx.candidateA.id);
    expect(after.candidate).toMatchObject({ decline: "APPROVED", admitted: true, withdrawal: "NONE" });
    expect(await declinedIn(fx.users.callerA.id)).toBe(1);

    // moved away after the 录取 list without the credit: it still counts for the credited caller
    await db().candidate.update({
      where: { id: fx.candidateA.id },
      data: { assignedCallerId: fx.users.callerB.id, creditCallerId: fx.users.callerA.id },
    });
    expect(await declinedIn(fx.users.callerA.id)).toBe(1);
    expect(await declinedIn(fx.users.callerB.id)).toBe(0);
    // no approved decline in the other caller's candidate
    expect((await db().candidate.findUniqueOrThrow({ where: { id: fx.candidateB.id } })).decline).toBe("NONE");
  });

  it("once approved, the place is given up: the caller records no more results on the candidate", async () => {
    const contact = (outcome: string) => ({
      candidateId: fx.candidateA.id,
      idempotencyKey: randomUUID(),
      channel: "PHONE",
      durationSeconds: "60",
      outcome,
    });
    signInAs(fx.users.callerA);
    // while it is in review the candidate can still be persuaded
    await submitComplete();
    expect(await logContact(contact("WILL_COME"))).toMatchObject({ ok: true });
    const request = await db().withdrawalRequest.findUniqueOrThrow({ where: { id: requestId } });
    signInAs(fx.users.data);
    await reviewWithdrawal({ requestId, version: request.version, decision: "approve" });

    const before = await candidateState(fx.candidateA.id);
    signInAs(fx.users.callerA);
    for (const outcome of ["WILL_COME", "PAID", "CONSULTED"]) {
      const refused = await logContact(contact(outcome));
      expect(refused).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      if (!refused.ok) expect(refused.fieldErrors?.outcome?.join("")).toBeTruthy();
    }
    expect(await candidateState(fx.candidateA.id)).toEqual(before);
  });

  it("sending back tells the caller in their inbox, with the reason and a link to the candidate", async () => {
    signInAs(fx.users.callerA);
    await submitComplete();
    const request = await db().withdrawalRequest.findUniqueOrThrow({ where: { id: requestId } });
    signInAs(fx.users.data);
    const result = await reviewWithdrawal({
      requestId,
      version: request.version,
      decision: "sendBack",
      reason: "家长签字不清楚",
    });
    expect(result).toEqual({ ok: true, data: { status: "SENT_BACK" } });
    const notices = await db().notice.findMany({ where: { campaignId: fx.campaign.id } });
    expect(notices).toEqual([
      expect.objectContaining({
        userId: fx.users.callerA.id,
        kind: "WITHDRAWAL_SENT_BACK",
        params: { candidateName: fx.candidateA.name, withdrawalKind: "DECLINE", reason: "家长签字不清楚" },
        href: `/calls/${fx.candidateA.id}`,
        readAt: null,
      }),
    ]);
    expect((await candidateState(fx.candidateA.id)).candidate.decline).toBe("SENT_BACK");
  });

  it("approving tells nobody, and a refused review tells nobody", async () => {
    signInAs(fx.users.callerA);
    await submitComplete();
    const request = await db().withdrawalRequest.findUniqueOrThrow({ where: { id: requestId } });
    signInAs(fx.users.data);
    await reviewWithdrawal({ requestId, version: request.version + 5, decision: "sendBack", reason: "照片模糊" });
    await reviewWithdrawal({ requestId, version: request.version, decision: "approve" });
    expect(await db().notice.count({ where: { campaignId: fx.campaign.id } })).toBe(0);
  });

  it("lets one of two reviewers racing on one 放弃录取 decide; the other is told the page is stale", async () => {
    signInAs(fx.users.callerA);
    await submitComplete();
    const { version } = await db().withdrawalRequest.findUniqueOrThrow({ where: { id: requestId } });
    await warmPool();
    signInAs(fx.users.data);
    const first = reviewWithdrawal({ requestId, version, decision: "approve" });
    signInAs(fx.users.data2);
    const second = reviewWithdrawal({ requestId, version, decision: "sendBack", reason: "照片模糊" });
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, code: "STALE" })]);
    const winner = results.find((r) => r.ok);
    const after = await candidateState(fx.candidateA.id);
    expect(after.withdrawals[0]?.version).toBe(version + 1);
    expect(after.candidate.decline).toBe(winner?.ok ? winner.data.status : "?");
    // a notice exists exactly when the send-back won
    const sentBack = winner?.ok && winner.data.status === "SENT_BACK";
    expect(await db().notice.count({ where: { campaignId: fx.campaign.id } })).toBe(sentBack ? 1 : 0);
    expect(await auditCount(fx, { action: "withdrawal.review" })).toBe(1);
  });
});

describe("sending a 退档 back", () => {
  it("tells the caller who filed it and the one who holds the candidate now", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    const request = await db().withdrawalRequest.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: fx.candidateA.id,
        callerId: fx.users.callerA.id,
        status: "SUBMITTED",
        checklist: [...WITHDRAWAL_CHECKLIST],
        submittedAt: new Date(),
      },
    });
    await db().candidate.update({
      where: { id: fx.candidateA.id },
      data: { withdrawal: "SUBMITTED", assignedCallerId: fx.users.callerB.id },
    });
    signInAs(fx.users.data);
    const result = await reviewWithdrawal({
      requestId: request.id,
      version: request.version,
      decision: "sendBack",
      reason: "缺准考证复印件",
    });
    expect(result).toMatchObject({ ok: true });
    const notices = await db().notice.findMany({ where: { campaignId: fx.campaign.id }, orderBy: { userId: "asc" } });
    expect(notices.map((n) => n.userId).sort()).toEqual([fx.users.callerA.id, fx.users.callerB.id].sort());
    for (const notice of notices) {
      expect(notice).toMatchObject({
        kind: "WITHDRAWAL_SENT_BACK",
        params: { candidateName: fx.candidateA.name, withdrawalKind: "WITHDRAW", reason: "缺准考证复印件" },
      });
    }
  });
});

describe("the materials bundle", () => {
  let fx: CallsFixture;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 3 });
    // 7/15 12:00 and 7/20 12:00 Beijing time
    await approvedRequest(fx, {
      candidateId: fx.candidateA.id,
      kind: "DECLINE",
      reviewedAt: new Date("2024-07-15T04:00:00Z"),
      markers: [`A1-${fx.tag}`, `A2-${fx.tag}`],
      reason: "已被其他学校录取",
    });
    await approvedRequest(fx, {
      candidateId: fx.candidateB.id,
      kind: "WITHDRAW",
      reviewedAt: new Date("2024-07-20T04:00:00Z"),
      markers: [`B1-${fx.tag}`],
    });
    signInAs(null);
  });

  it("holds summary.xlsx with one row per approved request and the photos named by 考生号", async () => {
    signInAs(fx.users.data);
    const response = await bundleRequest("");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const zip = await unzip(response);
    const a = fx.candidateA.examNo;
    const b = fx.candidateB.examNo;
    expect(Object.keys(zip.files).sort()).toEqual(
      ["summary.xlsx", `photos/${a}-1.png`, `photos/${a}-2.png`, `photos/${b}-1.png`].sort(),
    );
    expect(new Uint8Array(await (zip.file(`photos/${a}-2.png`)?.async("uint8array") ?? []))).toEqual(
      markedPng(`A2-${fx.tag}`),
    );
    expect(new Uint8Array(await (zip.file(`photos/${b}-1.png`)?.async("uint8array") ?? []))).toEqual(
      markedPng(`B1-${fx.tag}`),
    );
    expect(await summaryRows(zip)).toEqual([
      ["考生号", "姓名", "类型", "原因", "回访人员", "审核人", "审核时间", "照片文件"],
      [
        a,
        fx.candidateA.name,
        "放弃录取",
        "已被其他学校录取",
        "甲组回访",
        "数据组一",
        "2024-07-15 12:00",
        `${a}-1.png\n${a}-2.png`,
      ],
      [b, fx.candidateB.name, "退档", "", "甲组回访", "数据组一", "2024-07-20 12:00", `${b}-1.png`],
    ]);
    const audit = await db().auditLog.findMany({ where: { action: "withdrawal.bundle", actorId: fx.users.data.id } });
    expect(audit).toEqual([
      expect.objectContaining({ entityType: "Export", after: expect.objectContaining({ requests: 2, photos: 3 }) }),
    ]);
  });

  it("filters by kind and by the Beijing day of approval", async () => {
    signInAs(fx.users.admin);
    const declines = await unzip(await bundleRequest("kind=DECLINE"));
    expect(Object.keys(declines.files).filter((n) => n.startsWith("photos/"))).toHaveLength(2);
    const lateJuly = await unzip(await bundleRequest("from=2024-07-16&to=2024-07-31"));
    expect((await summaryRows(lateJuly)).map((row) => row[0])).toEqual(["考生号", fx.candidateB.examNo]);
    const none = await unzip(await bundleRequest("kind=DECLINE&from=2024-07-16"));
    expect(Object.keys(none.files)).toEqual(["summary.xlsx"]);
    expect(await summaryRows(none)).toHaveLength(1);
  });

  it("refuses a reversed range with a sentence, and leaves no audit row", async () => {
    signInAs(fx.users.data);
    const response = await bundleRequest("from=2024-08-01&to=2024-07-01");
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: "INVALID_INPUT", error: "开始日期晚于结束日期，请调换后再下载。" });
    expect(await auditCount(fx, { action: "withdrawal.bundle" })).toBe(0);
  });

  it("is not found for a caller, a leader or an inspector", async () => {
    for (const user of [fx.users.callerA, fx.users.leaderA, fx.users.inspector]) {
      signInAs(user);
      expect((await bundleRequest("")).status).toBe(404);
    }
  });
});

describe("zipStream", () => {
  it("opens each entry only when the zip is ready for it, so a slow download holds a few MB, not the bundle", async () => {
    const PHOTOS = 300;
    const SIZE = 256 * 1024; // 75 MB in all
    let opened = 0;
    const entries: BundleEntry[] = Array.from({ length: PHOTOS }, (_, i) => ({
      name: `photos/${i}.jpg`,
      open: async () => {
        opened += 1;
        return Readable.from([Buffer.alloc(SIZE, i % 251)]);
      },
    }));
    const zip = zipStream(entries);
    const reader = zip[Symbol.asyncIterator]();
    const first = await reader.next();
    expect(first.done).toBe(false);
    // the reader took one piece and stopped: the archive fills its buffers (a few MB) and then waits,
    // instead of reading all 75 MB ahead
    await new Promise((resolve) => setTimeout(resolve, 300));
    const openedWhilePaused = opened;
    expect(openedWhilePaused * SIZE).toBeLessThan(8 * 1024 * 1024);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(opened).toBe(openedWhilePaused);
    let bytes = (first.value as Buffer).length;
    for (let next = await reader.next(); !next.done; next = await reader.next()) bytes += (next.value as Buffer).length;
    expect(opened).toBe(PHOTOS);
    expect(bytes).toBeGreaterThan(PHOTOS * SIZE);
  });

  it("ends with the error when an entry cannot be read, instead of a quietly shorter zip", async () => {
    const zip = zipStream([
      { name: "summary.xlsx", open: async () => Buffer.from("x") },
      {
        name: "photos/gone.jpg",
        open: async () => {
          throw new Error("photo gone");
        },
      },
    ]);
    const drain = async () => {
      for await (const _ of zip) {
        // read to the end or to the error
      }
    };
    await expect(drain()).rejects.toThrow("photo gone");
  });
});
