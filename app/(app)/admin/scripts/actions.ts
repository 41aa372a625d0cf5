"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { inCampaignInUse } from "@/lib/campaign/current";
import { documentSlug, saveScriptSchema } from "@/lib/scripts/documents";
import { saveScriptVersion } from "@/lib/scripts/save";

/**
 * Saves a call script or the training manual as its next version in the campaign in use. Refused as stale
 * when someone saved after the version the editor was opened on; the editor keeps the text then.
 */
export const saveScript = action(
  { name: "scripts.save", permission: "scripts.edit", schema: saveScriptSchema },
  async (input, { tx, user, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    const saved = await saveScriptVersion(tx, campaignId, input, user.id);
    audit({
      entityType: "ScriptVersion",
      entityId: saved.id,
      after: { document: saved.document, version: saved.version, length: input.body.length },
    });
    revalidatePath(`/admin/scripts/${documentSlug(saved.document)}`);
    revalidatePath("/admin/scripts");
    revalidatePath("/manual");
    return { version: saved.version };
  },
);
