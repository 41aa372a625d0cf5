import { beforeEach, describe, expect, it } from "vitest";
import { reviewWithdrawal } from "@/app/(app)/admin/withdrawals/actions";
import { saveWithdrawalMaterials } from "@/app/(app)/calls/actions";
import { GET as viewPhoto } from "@/app/api/withdrawal-photos/[photoId]/route";
import { can, ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { databaseStore, smallFile } from "@/lib/storage";
import { PHOTO_LIMITS, WITHDRAWAL_CHECKLIST } from "@/lib/workflow";
import {
  auditCount,
  buildCallsFixture,
  type CallsFixture,
  candidateState,
  closePhase,
  expectNoPersonalData,
  personWithRoles,
  tinyJpeg,
  warmPool,
} from "../support/calls-fixtures";
import { signInAs } from "../support/session";

const ALL_ITEMS = [...WITHDRAWAL_CHECKLIST];

/** The materials form as the browser posts it: repeated checklist keys, files, and the submit flag. */
function materialsForm(input: { requestId: string; checklist?: string[]; photos?: File[]; submit?: boolean }) {
  const form = new FormData();
  form.set("requestId", input.requestId);
  for (const item of input.checklist ?? []) form.append("checklist", item);
  for (const photo of input.photos ?? []) form.append("photos", photo);
  if (input.submit) form.set("submit", "true");
  return form;
}

const jpegFile = (name = "签字表.jpg") => new File([tinyJpeg()], name, { type: "image/jpeg" });

/** A candidate who agreed to withdraw (退档), with the request the caller now completes. */
async function agreedWithdrawal(fx: CallsFixture, status: "AGREED" | "SUBMITTED" | "SENT_BACK" = "AGREED") {
  await db().candidate.update({
    where: { id: fx.candidateA.id },
    data: { intent: "NOT_FIRST_CHOICE", withdrawal: status },
  });
  return db().withdrawalRequest.create({
    data: {
      campaignId: fx.campaign.id,
      candidateId: fx.candidateA.id,
      callerId: fx.users.callerA.id,
      status,
      checklist: status === "AGREED" ? [] : ALL_ITEMS,
      submittedAt: status === "AGREED" ? null : new Date(),
      photos:
        status === "AGREED"
          ? undefined
          : {
              create: [
                {
                  mimeType: "image/jpeg",
                  size: 14,
                  file: {
                    create: smallFile(
                      { kind: "WITHDRAWAL_PHOTO", key: `fixture/${fx.candidateA.id}`, mimeType: "image/jpeg" },
                      tinyJpeg(),
                    ),
                  },
                },
              ],
            },
    },
  });
}

describe("saveWithdrawalMaterials (phase 2 open)", () => {
  let fx: CallsFixture;
  let requestId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    requestId = (await agreedWithdrawal(fx)).id;
    signInAs(null);
  });

  const state = () => candidateState(fx.candidateA.id);

  it("submits complete materials with a photo to the data team, with one audit row", async () => {
    signInAs(fx.users.callerA);
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile()], submit: true }),
    );
    expect(result).toEqual({ ok: true, data: { status: "SUBMITTED", photoCount: 1 } });

    const after = await state();
    expect(after.candidate.withdrawal).toBe("SUBMITTED");
    expect(after.withdrawals).toHaveLength(1);
    const request = after.withdrawals[0];
    expect(request).toMatchObject({ status: "SUBMITTED", checklist: ALL_ITEMS, version: 1 });
    expect(request?.submittedAt).toBeInstanceOf(Date);
    expect(request?.photos).toHaveLength(1);
    expect(request?.photos[0]).toMatchObject({ mimeType: "image/jpeg", size: tinyJpeg().length });
    // the bytes are a stored file of the campaign, read back through the storage module
    const file = await db().storedFile.findUniqueOrThrow({ where: { id: request?.photos[0]?.fileId } });
    expect(file).toMatchObject({ kind: "WITHDRAWAL_PHOTO", campaignId: fx.campaign.id, size: tinyJpeg().length });
    const stored = await databaseStore(db()).get("WITHDRAWAL_PHOTO", file.key);
    expect(new Uint8Array(Buffer.concat(await (stored?.stream.toArray() ?? [])))).toEqual(tinyJpeg());

    const audit = await db().auditLog.findMany({ where: { entityId: requestId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: fx.users.callerA.id,
      action: "withdrawal.saveMaterials",
      entityType: "WithdrawalRequest",
      before: { status: "AGREED", checklist: [] },
      after: { status: "SUBMITTED", checklist: ALL_ITEMS, photosAdded: 1 },
    });
  });

  it("serves a saved photo from the storage module to the caller in charge only, never from a cache", async () => {
    signInAs(fx.users.callerA);
    await saveWithdrawalMaterials(materialsForm({ requestId, photos: [jpegFile()] }));
    const photo = await db().withdrawalPhoto.findFirstOrThrow({ where: { requestId } });
    const view = () =>
      viewPhoto(new Request(`http://localhost/api/withdrawal-photos/${photo.id}`), {
        params: Promise.resolve({ photoId: photo.id }),
      });
    const response = await view();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/jpeg");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(tinyJpeg());

    signInAs(fx.users.callerB);
    expect((await view()).status).toBe(404);
  });

  it("saves a partial checklist without submitting it", async () => {
    signInAs(fx.users.callerA);
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, checklist: ["ID_COPY"] }));
    expect(result).toEqual({ ok: true, data: { status: "AGREED", photoCount: 0 } });
    const after = await state();
    expect(after.withdrawals[0]).toMatchObject({ status: "AGREED", checklist: ["ID_COPY"], submittedAt: null });
    expect(after.candidate.withdrawal).toBe("AGREED");
    expect(await auditCount(fx, { action: "withdrawal.saveMaterials" })).toBe(1);
  });

  it.each([
    ["a text file named .jpg", new File(["这是一段文字，不是照片"], "x.jpg", { type: "image/jpeg" })],
    ["a GIF named .jpg", new File([Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0])], "x.jpg")],
    ["a truncated JPEG header", new File([Uint8Array.from([0xff, 0xd8])], "x.jpg", { type: "image/jpeg" })],
  ])("refuses %s as a photo and stores nothing", async (_, file) => {
    signInAs(fx.users.callerA);
    const before = await state();
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile(), file], submit: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { photos: [expect.any(String)] } });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses a photo over 3 MB", async () => {
    signInAs(fx.users.callerA);
    const big = new Uint8Array(PHOTO_LIMITS.maxBytes + 1);
    big.set(tinyJpeg());
    const before = await state();
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, photos: [new File([big], "big.jpg")] }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { photos: [expect.any(String)] } });
    expect(await state()).toEqual(before);
  });

  it("refuses more photos than a request holds", async () => {
    signInAs(fx.users.callerA);
    const before = await state();
    const photos = Array.from({ length: PHOTO_LIMITS.perRequest + 1 }, (_, i) => jpegFile(`p${i}.jpg`));
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, photos }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await state()).toEqual(before);
  });

  it("keeps the photo limit when saves race: three parallel saves of four photos store at most six", async () => {
    signInAs(fx.users.callerA);
    const save = (n: number) =>
      saveWithdrawalMaterials(
        materialsForm({ requestId, photos: Array.from({ length: 4 }, (_, i) => jpegFile(`save${n}-${i}.jpg`)) }),
      );
    const results = await Promise.all([save(1), save(2), save(3)]);

    const stored = await db().withdrawalPhoto.count({ where: { requestId } });
    expect(stored).toBeLessThanOrEqual(PHOTO_LIMITS.perRequest);
    // the first save stores its four; each later one would pass six and is refused in Chinese
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(stored).toBe(4);
    for (const refused of results.filter((r) => !r.ok)) {
      expect(refused).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { photos: [`最多上传 ${PHOTO_LIMITS.perRequest} 张照片。`] },
      });
    }
    // nothing of a refused save is kept, not even its stored files
    const files = await db().storedFile.count({ where: { kind: "WITHDRAWAL_PHOTO", key: { startsWith: requestId } } });
    expect(files).toBe(4);
  });

  it.each([
    ["three of the four items", ALL_ITEMS.slice(0, 3)],
    ["no item", []],
  ])("refuses to submit with %s, and keeps no photo of the refused post", async (_, checklist) => {
    signInAs(fx.users.callerA);
    const before = await state();
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist, photos: [jpegFile()], submit: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { checklist: expect.any(Array) } });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses to submit every item without a photo of the signed form", async () => {
    signInAs(fx.users.callerA);
    const before = await state();
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, checklist: ALL_ITEMS, submit: true }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { checklist: expect.any(Array) } });
    expect(await state()).toEqual(before);
  });

  it("refuses an item that is not on the checklist", async () => {
    signInAs(fx.users.callerA);
    const before = await state();
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, checklist: ["ID_COPY", "BANK_CARD"] }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await state()).toEqual(before);
  });

  it("refuses materials already submitted for review", async () => {
    signInAs(fx.users.callerA);
    expect(
      (
        await saveWithdrawalMaterials(
          materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile()], submit: true }),
        )
      ).ok,
    ).toBe(true);
    const before = await state();
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, photos: [jpegFile("more.jpg")] }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { requestId: expect.any(Array) } });
    expect(await state()).toEqual(before);
  });

  it("lets the caller fix and resubmit materials the data team sent back, keeping the earlier photo", async () => {
    const sentBack = await agreedWithdrawalSentBack(fx);
    signInAs(fx.users.callerA);
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId: sentBack, checklist: ALL_ITEMS, photos: [jpegFile("清晰版.jpg")], submit: true }),
    );
    expect(result).toEqual({ ok: true, data: { status: "SUBMITTED", photoCount: 2 } });
    expect(await db().withdrawalPhoto.count({ where: { requestId: sentBack } })).toBe(2);
  });

  it("refuses once the 投档 phase has closed (CLOSED)", async () => {
    await closePhase(fx, 2);
    signInAs(fx.users.callerA);
    const before = await state();
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile()], submit: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "CLOSED" });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("does not find another caller's withdrawal and leaks nothing", async () => {
    signInAs(fx.users.callerB);
    const before = await state();
    const result = await saveWithdrawalMaterials(
      materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile()], submit: true }),
    );
    expect(result).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expectNoPersonalData(result, fx.candidateA);
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("refuses without a session", async () => {
    const before = await state();
    const result = await saveWithdrawalMaterials(materialsForm({ requestId, checklist: ALL_ITEMS }));
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  for (const role of ROLES.filter((r) => !can([r], "withdrawal.collect"))) {
    it(`refuses ${role}`, async () => {
      signInAs(await personWithRoles(fx, [role]));
      const before = await state();
      const result = await saveWithdrawalMaterials(
        materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile()], submit: true }),
      );
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expect(await state()).toEqual(before);
      expect(await auditCount(fx)).toBe(0);
    });
  }

  it.each([
    ["a status", "status", "APPROVED"],
    ["a reviewer", "reviewerId", "someone"],
    ["the candidate", "candidateId", "other"],
  ])("refuses extra posted fields (%s) and changes nothing", async (_, key, value) => {
    signInAs(fx.users.callerA);
    const before = await state();
    const form = materialsForm({ requestId, checklist: ALL_ITEMS, photos: [jpegFile()], submit: true });
    form.set(key, value);
    const result = await saveWithdrawalMaterials(form);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: {} });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });
});

/** Replaces the fixture's AGREED request by one the data team sent back (with one photo already). */
async function agreedWithdrawalSentBack(fx: CallsFixture) {
  await db().withdrawalRequest.deleteMany({ where: { candidateId: fx.candidateA.id } });
  return (await agreedWithdrawal(fx, "SENT_BACK")).id;
}

describe("reviewWithdrawal", () => {
  let fx: CallsFixture;
  let requestId: string;

  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 2 });
    requestId = (await agreedWithdrawal(fx, "SUBMITTED")).id;
    // marked admitted so that approving visibly takes the candidate out of the admission
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { admitted: true } });
    signInAs(null);
  });

  const state = () => candidateState(fx.candidateA.id);
  const approve = (patch: Record<string, unknown> = {}) => ({ requestId, version: "0", decision: "approve", ...patch });
  const sendBack = (reason: unknown, patch: Record<string, unknown> = {}) => ({
    requestId,
    version: "0",
    decision: "sendBack",
    reason,
    ...patch,
  });

  it("approves: the candidate's file is withdrawn and no longer admitted, with one audit row", async () => {
    signInAs(fx.users.data);
    const result = await reviewWithdrawal(approve());
    expect(result).toEqual({ ok: true, data: { status: "APPROVED" } });
    const after = await state();
    expect(after.candidate).toMatchObject({ withdrawal: "APPROVED", admitted: false });
    expect(after.withdrawals[0]).toMatchObject({
      status: "APPROVED",
      reviewerId: fx.users.data.id,
      reviewReason: null,
      version: 1,
    });
    expect(after.withdrawals[0]?.reviewedAt).toBeInstanceOf(Date);
    const audit = await db().auditLog.findMany({ where: { entityId: requestId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: fx.users.data.id,
      action: "withdrawal.review",
      entityType: "WithdrawalRequest",
      before: { status: "SUBMITTED" },
      after: { status: "APPROVED", reason: null },
    });
  });

  it("sends back with a reason: the caller sees it and can fix the materials", async () => {
    signInAs(fx.users.data);
    const result = await reviewWithdrawal(sendBack(" 监护人未签字 "));
    expect(result).toEqual({ ok: true, data: { status: "SENT_BACK" } });
    const after = await state();
    expect(after.candidate).toMatchObject({ withdrawal: "SENT_BACK", admitted: true });
    expect(after.withdrawals[0]).toMatchObject({ status: "SENT_BACK", reviewReason: "监护人未签字", version: 1 });
    expect(await auditCount(fx, { action: "withdrawal.review" })).toBe(1);
  });

  it.each([
    ["no reason", undefined],
    ["an empty reason", ""],
    ["a blank reason", "   "],
    ["a reason over 500 characters", "缺".repeat(501)],
  ])("refuses to send back with %s", async (_, reason) => {
    signInAs(fx.users.data);
    const before = await state();
    const result = await reviewWithdrawal(sendBack(reason));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {})).toEqual(["reason"]);
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("lets one of two reviewers racing on the same version decide; the other gets STALE", async () => {
    await warmPool();
    signInAs(fx.users.data);
    const first = reviewWithdrawal(approve());
    signInAs(fx.users.data2);
    const second = reviewWithdrawal(sendBack("照片模糊"));
    const results = await Promise.all([first, second]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([expect.objectContaining({ ok: false, code: "STALE" })]);
    const winner = results.find((r) => r.ok);
    const after = await state();
    expect(after.withdrawals[0]?.version).toBe(1);
    expect(after.withdrawals[0]?.status).toBe(winner?.ok ? winner.data.status : "?");
    expect(after.candidate.withdrawal).toBe(winner?.ok ? winner.data.status : "?");
    expect(await auditCount(fx, { action: "withdrawal.review" })).toBe(1);
  });

  it("tells a reviewer whose page was drawn before another's decision that it is stale, after that decision too", async () => {
    signInAs(fx.users.data);
    expect(await reviewWithdrawal(approve())).toMatchObject({ ok: true });
    const decided = await state();
    signInAs(fx.users.data2);
    expect(await reviewWithdrawal(sendBack("照片模糊"))).toMatchObject({ ok: false, code: "STALE" });
    expect(await state()).toEqual(decided);
  });

  it("refuses a decision on a stale version (STALE)", async () => {
    signInAs(fx.users.data);
    const before = await state();
    expect(await reviewWithdrawal(approve({ version: "4" }))).toMatchObject({ ok: false, code: "STALE" });
    expect(await state()).toEqual(before);
  });

  it("refuses to decide materials that were not submitted", async () => {
    await db().withdrawalRequest.update({ where: { id: requestId }, data: { status: "AGREED" } });
    await db().candidate.update({ where: { id: fx.candidateA.id }, data: { withdrawal: "AGREED" } });
    signInAs(fx.users.data);
    const before = await state();
    const result = await reviewWithdrawal(approve());
    expect(result.ok).toBe(false);
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  it("answers NOT_FOUND for a request that does not exist", async () => {
    signInAs(fx.users.data);
    expect(await reviewWithdrawal(approve({ requestId: "no-such-request" }))).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
  });

  it("refuses without a session", async () => {
    const before = await state();
    const result = await reviewWithdrawal(approve());
    expect(result).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });

  for (const role of ROLES.filter((r) => !can([r], "withdrawal.review"))) {
    it(`refuses ${role}`, async () => {
      signInAs(await personWithRoles(fx, [role]));
      const before = await state();
      const result = await reviewWithdrawal(approve());
      expect(result).toMatchObject({ ok: false, code: "FORBIDDEN" });
      expectNoPersonalData(result, fx.candidateA);
      expect(await state()).toEqual(before);
      expect(await auditCount(fx)).toBe(0);
    });
  }

  it("refuses the caller who collected the materials", async () => {
    signInAs(fx.users.callerA);
    expect(await reviewWithdrawal(approve())).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  // the inputs are built inside the test: the request's id exists only once beforeEach has run
  it.each([
    ["admitted", () => approve({ admitted: "true" }), {}],
    ["a reviewer", () => approve({ reviewerId: "someone-else" }), {}],
    ["a reason on an approval", () => approve({ reason: "无" }), {}],
    ["an unknown decision", () => approve({ decision: "reject" }), { decision: [expect.any(String)] }],
  ])("refuses extra or unknown posted fields (%s) and changes nothing", async (_, input, fieldErrors) => {
    signInAs(fx.users.data);
    const before = await state();
    const result = await reviewWithdrawal(input());
    // nothing but the extra field is wrong: no error names a field of the form
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors });
    expect(await state()).toEqual(before);
    expect(await auditCount(fx)).toBe(0);
  });
});
