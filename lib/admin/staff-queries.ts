import "server-only";
import { db } from "@/lib/db";

/** Every account with its place in the campaign's staff pool, for the admin's staff page. */
export async function staffList(campaignId: string) {
  return db().user.findMany({
    orderBy: { login: "asc" },
    select: {
      id: true,
      login: true,
      name: true,
      roles: true,
      active: true,
      staffProfiles: { where: { campaignId }, select: { group: { select: { name: true } } } },
    },
  });
}
