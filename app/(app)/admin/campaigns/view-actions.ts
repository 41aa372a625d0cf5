"use server";

import { revalidatePath } from "next/cache";
import { cookies } from "next/headers";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { SESSION_MAX_AGE_SECONDS } from "@/lib/auth/sessions";
import { campaignInUse } from "@/lib/campaign/current";
import { VIEW_COOKIE } from "@/lib/campaign/view";

/**
 * Switches what the person's pages show to a past campaign, read-only, or back to the current one (an
 * empty id, or the current one's). Only a cookie changes: nothing is written, so nothing is audited. The
 * cookie is checked again on every request (lib/campaign/queries.ts campaignView) and ignored for roles
 * that may not look back; writes never follow it (lib/campaign/current.ts).
 */
export const viewCampaign = action(
  {
    name: "campaign.view",
    permission: "pastCampaign.view",
    schema: z.strictObject({ campaignId: z.string().max(64) }),
  },
  async ({ campaignId }, { tx, unchanged }) => {
    unchanged();
    const inUse = await campaignInUse(tx);
    const jar = await cookies();
    revalidatePath("/", "layout");
    if (!campaignId || campaignId === inUse?.id) {
      jar.delete(VIEW_COOKIE);
      return { past: false };
    }
    const target = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
    if (!target) throw new ActionError("NOT_FOUND");
    jar.set(VIEW_COOKIE, target.id, {
      path: "/",
      httpOnly: true,
      sameSite: "lax",
      maxAge: SESSION_MAX_AGE_SECONDS,
    });
    return { past: true };
  },
);
