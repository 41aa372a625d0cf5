import type { Prisma } from "@/lib/db/client";

/**
 * Last year's students, when a campaign ends: every active account whose holder is a student
 * (User.identity, from the staff list) with no place in the current campaign's staff and no admin role.
 * Teachers are never among them, nor accounts whose identity was never given.
 */
export function pastStudentsWhere(currentCampaignId: string): Prisma.UserWhereInput {
  return {
    active: true,
    identity: "STUDENT",
    NOT: { roles: { has: "ADMIN" } },
    staffProfiles: { none: { campaignId: currentCampaignId } },
  };
}
