"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { action } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { FORWARD_REASONS } from "@/lib/worklists/filters";
import { forwardToStrike } from "@/lib/worklists/forward";

/** One forward at most this many candidates: a page of a worklist. */
const MAX_FORWARD = 100;

const asList = (value: unknown) => (value === undefined || Array.isArray(value) ? value : [value]);

/**
 * 转突击组 from a worklist: the leader ticks one or many of their group's candidates and forwards them with a
 * reason and a note, in one step (lib/worklists/forward.ts). Those already with the strike team are named
 * back, not forwarded twice.
 */
export const forwardFromWorklist = action(
  {
    name: "worklist.forward",
    permission: "worklist.forward",
    schema: z.strictObject({
      candidateIds: z.preprocess(
        asList,
        z
          .array(z.string().min(1).max(64), { error: messageKey("worklistErrors.noneSelected") })
          .min(1, messageKey("worklistErrors.noneSelected"))
          .max(MAX_FORWARD, messageKey("worklistErrors.tooMany")),
      ),
      reason: z.enum(FORWARD_REASONS, { error: messageKey("worklistErrors.reasonRequired") }),
      note: z
        .string({ error: messageKey("worklistErrors.noteRequired") })
        .trim()
        .min(1, messageKey("worklistErrors.noteRequired"))
        .max(300, messageKey("worklistErrors.noteTooLong")),
    }),
  },
  async (input, { tx, user, audit, unchanged }) => {
    // a past campaign's candidate is read-only: its id matches nothing (lib/campaign/current.ts)
    const { campaignId } = await inCampaignInUse(tx);
    const outcome = await forwardToStrike(tx, user, campaignId, input);
    if (outcome.forwarded.length === 0) {
      unchanged();
    } else {
      // the note stays on the escalations, where the strike team reads it; the audit names who went
      audit({
        entityType: "Escalation",
        entityId: outcome.forwarded.length === 1 ? outcome.forwarded[0]?.escalationId : null,
        after: {
          reason: input.reason,
          forwarded: outcome.forwarded.map((f) => ({
            candidateId: f.candidateId,
            escalationId: f.escalationId,
            created: f.created,
          })),
          alreadyWithStrike: outcome.alreadyWithStrike.map((a) => a.candidateId),
        },
      });
    }
    revalidatePath("/worklists");
    revalidatePath("/groups");
    revalidatePath("/strike");
    return outcome;
  },
);
