"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import { messageKey, requiredWords } from "@/lib/action/errors";
import { inCampaignInUse } from "@/lib/campaign/current";
import { text } from "@/lib/i18n/text";
import { beijingDay, parseDay, toDateColumn } from "@/lib/time";

// 现场巡查 (四(四)2 "通过电话回访现场巡查、抽查工作记录等防止突发情况和舆情产生"): the inspection team writes
// down each visit, as it was. A finding raised from a patrol goes through the findings' own action
// (recordFinding with the patrol's id), so its rules and its money are those of every other finding.

export const recordPatrol = action(
  {
    name: "patrol.create",
    permission: "patrol.record",
    schema: z
      .object({
        day: z.string().refine((v) => parseDay(v) !== null, messageKey("inspection.patrols.errors.dayRequired")),
        place: requiredWords(100, "inspection.patrols.errors.placeRequired", "inspection.patrols.errors.placeTooLong"),
        present: requiredWords(
          500,
          "inspection.patrols.errors.presentRequired",
          "inspection.patrols.errors.presentTooLong",
        ),
        observations: requiredWords(
          2000,
          "inspection.patrols.errors.observationsRequired",
          "inspection.patrols.errors.observationsTooLong",
        ),
      })
      .strict(),
  },
  async (input, { tx, user, now, audit }) => {
    const { campaignId } = await inCampaignInUse(tx);
    // days compare as text in Beijing's calendar: "2024-07-15" > "2024-07-14"
    if (input.day > beijingDay(now)) {
      throw new ActionError("INVALID_INPUT", { day: [text("inspection.patrols.errors.dayInFuture")] });
    }
    const patrol = await tx.patrol.create({
      data: {
        campaignId,
        recordedById: user.id,
        day: toDateColumn(input.day),
        place: input.place,
        present: input.present,
        observations: input.observations,
      },
      select: { id: true },
    });
    audit({ entityType: "Patrol", entityId: patrol.id, after: { day: input.day, place: input.place } });
    revalidatePath("/inspection/patrols");
    return { patrolId: patrol.id };
  },
);
