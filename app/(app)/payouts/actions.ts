"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ActionError, action } from "@/lib/action";
import type { Prisma } from "@/lib/db/client";
import { payoutSnapshot } from "@/lib/payouts/runs";

/**
 * Signs off the payout as the page showed it: the next version of the campaign's PayoutRun, holding
 * the policy, the inputs (with names) and the result, never to be changed (RELIABILITY #23). The admin
 * signs the total they read; if the figures moved since (a log, an import, a finding), the sign-off is
 * refused so nobody signs an amount they have not seen.
 */
export const signOffPayouts = action(
  {
    name: "payout.signOff",
    permission: "payouts.signOff",
    schema: z
      .object({
        campaignId: z.string().min(1).max(64),
        expectedTotalFen: z.coerce.number().int().min(0),
      })
      .strict(),
    // two admins signing at once: the second waits, then takes the next version
    isolationLevel: "Serializable",
  },
  async ({ campaignId, expectedTotalFen }, { tx, user, audit }) => {
    const campaign = await tx.campaign.findUnique({ where: { id: campaignId }, select: { id: true } });
    if (!campaign) throw new ActionError("NOT_FOUND");
    const snapshot = await payoutSnapshot(tx, campaignId);
    if (snapshot.result.totalFen !== expectedTotalFen) {
      throw new ActionError("STALE", {
        expectedTotalFen: ["金额刚刚变化（有新的联系记录、导入或督查结果）。页面已刷新，请核对新的合计后再签发。"],
      });
    }
    const latest = await tx.payoutRun.findFirst({
      where: { campaignId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const run = await tx.payoutRun.create({
      data: {
        campaignId,
        version: (latest?.version ?? 0) + 1,
        policy: snapshot.policy as unknown as Prisma.InputJsonValue,
        inputs: { input: snapshot.input, names: snapshot.names } as unknown as Prisma.InputJsonValue,
        result: snapshot.result as unknown as Prisma.InputJsonValue,
        totalFen: snapshot.result.totalFen,
        signedOffById: user.id,
      },
      select: { id: true, version: true, totalFen: true },
    });
    audit({ entityType: "PayoutRun", entityId: run.id, after: { version: run.version, totalFen: run.totalFen } });
    revalidatePath("/payouts");
    return { version: run.version };
  },
);
