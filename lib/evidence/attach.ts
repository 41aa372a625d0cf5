import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ActionError } from "@/lib/action";
import { defineAction } from "@/lib/action/definition";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { bytesOf, databaseStore } from "@/lib/storage";
import { imageMimeType, PHOTO_LIMITS, photoError } from "@/lib/workflow/photos";
import { workflowPolicyOf } from "@/lib/workflow/policy";
import { attachRefusal } from "./rules";

// FormData sends one value for one file and none for none: always a list here.
const asList = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** The most screenshots one post may carry; the policy's number per contact (at most 10) is the real bound. */
const MAX_PER_POST = 10;

/**
 * Keeps screenshots (a WeChat, QQ or SMS chat, the phone's call log) with one of the caller's own contact
 * logs, while logging it or later the same day: each is checked on its bytes (JPEG, PNG or WebP, the
 * size withdrawal photos may have), stored through lib/storage under the log's campaign, and counted
 * against the campaign's limit per contact. Another person's log is not found; nothing is kept from a
 * refused post.
 */
export const ATTACH_EVIDENCE = defineAction({
  name: "evidence.attach",
  permission: "evidence.attach",
  schema: z.strictObject({
    logId: z.string().min(1).max(64),
    screenshots: z.preprocess(asList, z.array(z.instanceof(File)).min(1).max(MAX_PER_POST)),
  }),
  async run(input, { tx, user, now, audit }) {
    // one attachment to a log at a time: the count below must include what a parallel post stores
    await tx.$executeRaw`SELECT 1 FROM "ContactLog" WHERE id = ${input.logId} FOR UPDATE`;
    const log = await tx.contactLog.findFirst({
      // a contact of one's own in the campaign in use: anyone else's is answered as not found
      where: { id: input.logId, callerId: user.id, ...(await inCampaignInUse(tx)) },
      select: {
        id: true,
        callerId: true,
        createdAt: true,
        campaignId: true,
        candidateId: true,
        campaign: { select: { workflowPolicy: true } },
        _count: { select: { evidence: true } },
      },
    });
    if (!log) throw new ActionError("NOT_FOUND");
    const policy = workflowPolicyOf(log.campaign.workflowPolicy);
    const screenshots = input.screenshots.filter((file) => file.size > 0);
    if (screenshots.length === 0) {
      throw new ActionError("INVALID_INPUT", { screenshots: [text("evidence.errors.noFile")] });
    }
    const refusal = attachRefusal(
      { ...log, evidenceCount: log._count.evidence },
      screenshots.length,
      user.id,
      now,
      policy,
    );
    if (refusal === "NOT_AUTHOR") throw new ActionError("NOT_FOUND");
    if (refusal === "TOO_LATE") {
      throw new ActionError("INVALID_INPUT", { screenshots: [text("evidence.errors.tooLate")] });
    }
    if (refusal === "OVER_LIMIT") {
      throw new ActionError("INVALID_INPUT", {
        screenshots: [
          text("evidence.errors.overLimit", { max: policy.evidencePerContact, count: log._count.evidence }),
        ],
      });
    }
    const accepted = [];
    for (const file of screenshots) {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const problem = photoError(bytes);
      const mimeType = imageMimeType(bytes);
      if (problem || !mimeType) {
        const why =
          problem?.code === "TOO_LARGE"
            ? text("evidence.errors.tooLarge", { mb: PHOTO_LIMITS.maxBytes / (1024 * 1024) })
            : text("evidence.errors.notAnImage");
        throw new ActionError("INVALID_INPUT", { screenshots: [why] });
      }
      accepted.push({ mimeType, bytes });
    }
    const store = databaseStore(tx);
    const ids: string[] = [];
    for (const { mimeType, bytes } of accepted) {
      const file = await store.put(
        { kind: "CONTACT_EVIDENCE", key: `${log.id}/${randomUUID()}`, mimeType, campaignId: log.campaignId },
        bytesOf(bytes),
      );
      const evidence = await tx.contactEvidence.create({
        data: { contactLogId: log.id, mimeType, fileId: file.id, size: file.size },
        select: { id: true },
      });
      ids.push(evidence.id);
    }
    const count = log._count.evidence + ids.length;
    audit({
      entityType: "ContactLog",
      entityId: log.id,
      before: { screenshots: log._count.evidence },
      after: { screenshots: count, added: ids },
    });
    return { evidenceIds: ids, count, max: policy.evidencePerContact, candidateId: log.candidateId };
  },
});
