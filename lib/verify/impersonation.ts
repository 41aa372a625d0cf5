import type { Prisma } from "@/lib/db/client";
import { translatorFor } from "@/lib/i18n/messages";
import { openIncident } from "@/lib/incidents/open";
import { VERIFY_LIMITS } from "./rules";

/**
 * Opens a possible impersonation (较大, so it shows on the lead's and the admins' home until closed) on the
 * inspection team's register, opened by the app itself: an unknown number checked from several addresses.
 * The incident names the number, which is the suspected caller's and what the team acts on (the check's
 * own rows keep only its hash). Stored in Chinese, as every text the app stores.
 */
export async function reportImpersonation(
  tx: Prisma.TransactionClient,
  alert: { campaignId: string; number: string; addresses: number; at: Date },
): Promise<string> {
  const zh = translatorFor("zh-CN");
  const { id } = await openIncident(tx, {
    campaignId: alert.campaignId,
    kind: "IMPERSONATION",
    severity: "SERIOUS",
    reportedAt: alert.at,
    title: zh("verify.incident.title", { number: alert.number }),
    description: zh("verify.incident.description", {
      number: alert.number,
      addresses: alert.addresses,
      hours: VERIFY_LIMITS.impersonationHours,
    }),
    reporterId: null,
  });
  return id;
}
