"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action, serverAction } from "@/lib/action";
import { messageKey } from "@/lib/action/errors";
import { endAllSessions } from "@/lib/auth/sessions";
import { CREATE_CAMPAIGN, makeCurrentCampaign } from "@/lib/campaign/create";
import { inCampaignInUse } from "@/lib/campaign/current";
import { pastStudentsWhere } from "@/lib/campaign/past-students";
import { text } from "@/lib/i18n/text";

// Creating a campaign and choosing the current one are the admin's (campaign.configure): the leading
// group decides the year's plan.

/** Creates a campaign: the body is lib/campaign/create.ts CREATE_CAMPAIGN. */
export const createNewCampaign = serverAction(CREATE_CAMPAIGN, () => {
  // every page reads the current campaign: the first one created changes them all
  revalidatePath("/", "layout");
});

/** Makes a campaign the one every working page and action uses. */
export const setCurrentCampaign = action(
  {
    name: "campaign.setCurrent",
    permission: "campaign.configure",
    schema: z.strictObject({ campaignId: z.string().min(1).max(64) }),
  },
  async ({ campaignId }, { tx, audit, unchanged }) => {
    const made = await makeCurrentCampaign(tx, campaignId);
    if (!made.found) throw new ActionError("NOT_FOUND");
    if (!made.changed) {
      unchanged();
      return { campaignId };
    }
    audit({
      entityType: "Campaign",
      entityId: campaignId,
      before: { current: made.previousId },
      after: { current: campaignId },
    });
    revalidatePath("/", "layout");
    return { campaignId };
  },
);

/**
 * 停用往届学生账号: when a campaign ends, disables in one step every student account with no place in the
 * current campaign's staff (lib/campaign/past-students.ts), ending their sessions. The admin confirms the
 * count they were shown; if it has changed meanwhile, nothing is done and the new count is shown.
 */
export const disablePastStudents = action(
  {
    name: "user.disablePastStudents",
    permission: "students.disablePast",
    schema: z.strictObject({
      expected: z.coerce.number().int(messageKey("teams.students.changed")).min(1).max(1_000_000),
    }),
    // a college's students: a few thousand sessions ended in one transaction
    timeoutMs: 60_000,
  },
  async ({ expected }, { tx, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const students = await tx.user.findMany({
      where: pastStudentsWhere(campaignId),
      select: { id: true },
      orderBy: { login: "asc" },
    });
    if (students.length !== expected) {
      throw new ActionError("CONFLICT", { expected: [text("teams.students.changed")] });
    }
    const ids = students.map((s) => s.id);
    await tx.user.updateMany({ where: { id: { in: ids } }, data: { active: false } });
    for (const id of ids) await endAllSessions(tx, id, now);
    audit({ entityType: "User", entityId: null, after: { disabled: ids.length, campaignId, ids } });
    revalidatePath("/admin/campaigns");
    revalidatePath("/admin/staff");
    return { disabled: ids.length };
  },
);
