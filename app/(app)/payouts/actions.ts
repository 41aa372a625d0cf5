"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { Prisma } from "@/generated/prisma/client";
import { ActionError, action } from "@/lib/action";
import { campaignInUse } from "@/lib/campaign/current";
import { collegeOf } from "@/lib/college/college";
import { text } from "@/lib/i18n/text";
import { payoutSnapshot, resultToSign } from "@/lib/payouts/runs";
import { statementIssuer } from "@/lib/payouts/statements";

/**
 * Signs off the payout as the page showed it: the next version of the campaign's PayoutRun, holding
 * the policy, the inputs (with names) and the result with its explanation frozen as Chinese text,
 * never to be changed (docs/reliability.md #23). The admin
 * signs the version and the total they read. If someone signed that version first, the sign-off is
 * refused as 已由他人签发 and the page refreshes to the new version; if the figures moved since (a log, an
 * import, a finding), it is refused so nobody signs an amount they have not seen.
 */
export const signOffPayouts = action(
  {
    name: "payout.signOff",
    permission: "payouts.signOff",
    schema: z
      .object({
        campaignId: z.string().min(1).max(64),
        /** the version the page offered to sign: the latest signed one plus one */
        version: z.coerce.number().int().min(1),
        expectedTotalFen: z.coerce.number().int().min(0),
      })
      .strict(),
  },
  async ({ campaignId, version, expectedTotalFen }, { tx, user, audit }) => {
    // Sign-offs of one campaign take turns on its row: a second one waits here, then sees the version
    // the first wrote (each statement reads what is committed) and is refused instead of failing on a
    // serialization conflict. NO KEY UPDATE leaves inserts that reference the campaign unblocked.
    const [campaign] = await tx.$queryRaw<{ id: string; name: string }[]>`
      SELECT "id", "name" FROM "Campaign" WHERE "id" = ${campaignId} FOR NO KEY UPDATE`;
    // a past campaign is read-only: its payouts were signed off while it was current
    if (!campaign || campaign.id !== (await campaignInUse(tx))?.id) throw new ActionError("NOT_FOUND");
    const latest = await tx.payoutRun.findFirst({
      where: { campaignId },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    if (version !== (latest?.version ?? 0) + 1) throw new ActionError("SIGNED_BY_OTHER");
    const snapshot = await payoutSnapshot(tx, campaignId);
    if (snapshot.result.totalFen !== expectedTotalFen) {
      throw new ActionError("STALE", {
        expectedTotalFen: [text("payouts.signOff.stale")],
      });
    }
    const run = await tx.payoutRun.create({
      data: {
        campaignId,
        version,
        policy: snapshot.policy as unknown as Prisma.InputJsonValue,
        inputs: { input: snapshot.input, names: snapshot.names } as unknown as Prisma.InputJsonValue,
        // the steps, and the Chinese lines they read as at this moment (what the signed version shows)
        result: resultToSign(snapshot) as unknown as Prisma.InputJsonValue,
        totalFen: snapshot.result.totalFen,
        issuer: statementIssuer(await collegeOf(tx), campaign),
        signedOffById: user.id,
      },
      select: { id: true, version: true, totalFen: true },
    });
    audit({ entityType: "PayoutRun", entityId: run.id, after: { version: run.version, totalFen: run.totalFen } });
    revalidatePath("/payouts");
    return { version: run.version };
  },
);
