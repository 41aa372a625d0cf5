import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ActionError } from "@/lib/action";
import { defineAction } from "@/lib/action/definition";
import { messageKey } from "@/lib/action/errors";
import { workableCandidates } from "@/lib/calls/scope";
import { text } from "@/lib/i18n/text";
import { bytesOf, databaseStore } from "@/lib/storage";
import { imageMimeType, PHOTO_LIMITS, photoError } from "@/lib/workflow/photos";
import {
  ALL_CHECKLIST_ITEMS,
  DECLINE_REASON_MAX,
  foreignItems,
  MIRROR_FIELD,
  materialsEditable,
  materialsOpen,
  materialsReady,
} from "./kinds";

// FormData sends one value for one ticked box and none for none: always a list here.
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * Saves a 退档's or a 放弃录取's materials (the request's kind decides which): the ticked checklist,
 * photos of the signed form and, for a 放弃录取, the reason; with `submit`, sends them to the data team's
 * review queue. Allowed while the kind's phases are open (lib/withdrawals/kinds.ts), by whoever works the
 * candidate.
 */
export const SAVE_MATERIALS = defineAction({
  name: "withdrawal.saveMaterials",
  permission: "withdrawal.collect",
  schema: z.strictObject({
    requestId: z.string().min(1).max(64),
    checklist: z.preprocess(asList, z.array(z.enum(ALL_CHECKLIST_ITEMS)).max(ALL_CHECKLIST_ITEMS.length)),
    photos: z.preprocess(asList, z.array(z.instanceof(File)).max(PHOTO_LIMITS.perRequest)),
    reason: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.string().trim().max(DECLINE_REASON_MAX, messageKey("decline.errors.reasonTooLong")).optional(),
    ),
    submit: z.stringbool().default(false),
  }),
  async run(input, { tx, user, now, audit }) {
    // one save of a request at a time: the photo count below must include what a parallel save
    // stores, or three saves of four photos each would all pass the limit of six
    await tx.$executeRaw`SELECT 1 FROM "WithdrawalRequest" WHERE id = ${input.requestId} FOR UPDATE`;
    const request = await tx.withdrawalRequest.findFirst({
      where: { id: input.requestId, candidate: workableCandidates(user) },
      include: {
        _count: { select: { photos: true } },
        campaign: { select: { phaseWindows: true } },
      },
    });
    if (!request) throw new ActionError("NOT_FOUND");
    if (!materialsEditable(request.status)) {
      throw new ActionError("INVALID_INPUT", { requestId: [text("withdrawal.errors.locked")] });
    }
    if (!materialsOpen(request.kind, request.campaign.phaseWindows, now)) throw new ActionError("CLOSED");
    if (foreignItems(request.kind, input.checklist).length > 0) {
      throw new ActionError("INVALID_INPUT", { checklist: [text("decline.errors.wrongItems")] });
    }

    const photos = input.photos.filter((file) => file.size > 0);
    if (request._count.photos + photos.length > PHOTO_LIMITS.perRequest) {
      throw new ActionError("INVALID_INPUT", {
        photos: [text("withdrawal.errors.tooManyPhotos", { max: PHOTO_LIMITS.perRequest })],
      });
    }
    const accepted = [];
    for (const file of photos) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = photoError(bytes);
      const mimeType = imageMimeType(bytes);
      if (problem || !mimeType) {
        const why = problem?.message ?? text("withdrawal.errors.notAnImage");
        throw new ActionError("INVALID_INPUT", {
          photos: [text("withdrawal.errors.photoProblem", { file: file.name, problem: why })],
        });
      }
      accepted.push({ mimeType, bytes });
    }
    const store = databaseStore(tx);
    const stored = [];
    for (const { mimeType, bytes } of accepted) {
      const file = await store.put(
        { kind: "WITHDRAWAL_PHOTO", key: `${request.id}/${randomUUID()}`, mimeType, campaignId: request.campaignId },
        bytesOf(bytes),
      );
      stored.push({ requestId: request.id, mimeType, fileId: file.id, size: file.size });
    }
    if (stored.length > 0) await tx.withdrawalPhoto.createMany({ data: stored });

    const photoCount = request._count.photos + stored.length;
    // a form that sends no reason keeps the one on file (a 退档's form has none)
    const reason = input.reason ?? request.reason;
    if (input.submit && !materialsReady(request.kind, { checklist: input.checklist, photoCount, reason })) {
      const incomplete = request.kind === "DECLINE" ? "decline.errors.incomplete" : "withdrawal.errors.incomplete";
      throw new ActionError("INVALID_INPUT", { checklist: [text(incomplete)] });
    }
    const status = input.submit ? "SUBMITTED" : request.status;
    await tx.withdrawalRequest.update({
      where: { id: request.id },
      data: {
        checklist: input.checklist,
        reason,
        status,
        submittedAt: input.submit ? now : undefined,
        version: { increment: 1 },
      },
    });
    if (input.submit) {
      await tx.candidate.update({
        where: { id: request.candidateId },
        data: { [MIRROR_FIELD[request.kind]]: "SUBMITTED", version: { increment: 1 } },
      });
    }
    audit({
      entityType: "WithdrawalRequest",
      entityId: request.id,
      before: { kind: request.kind, status: request.status, checklist: request.checklist },
      after: { status, checklist: input.checklist, photosAdded: stored.length },
    });
    return { status, photoCount };
  },
});
