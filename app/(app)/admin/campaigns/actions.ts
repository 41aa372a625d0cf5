"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { createCampaign, makeCurrentCampaign, newCampaignSchema } from "@/lib/campaign/create";

// Creating a campaign and choosing the current one are the admin's (campaign.configure): the leading
// group decides the year's plan.

/** Creates a campaign from the plan's defaults or from an earlier campaign; see lib/campaign/create.ts. */
export const createNewCampaign = action(
  { name: "campaign.create", permission: "campaign.configure", schema: newCampaignSchema },
  async (input, { tx, audit }) => {
    const created = await createCampaign(tx, input);
    if (!created.ok) throw new ActionError("INVALID_INPUT", created.fieldErrors);
    audit({
      entityType: "Campaign",
      entityId: created.campaign.id,
      after: {
        name: input.name,
        year: input.year,
        planSize: input.planSize,
        copiedFrom: input.copyFrom || null,
        isCurrent: created.campaign.isCurrent,
        groupsCopied: created.campaign.groupsCopied,
      },
    });
    // every page reads the current campaign: the first one created changes them all
    revalidatePath("/", "layout");
    return created.campaign;
  },
);

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
