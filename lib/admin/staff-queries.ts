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

/** One person's account and their place in the campaign's staff pool, for the person's page; null: no such account. */
export async function staffPerson(userId: string, campaignId: string | null) {
  const user = await db().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      login: true,
      name: true,
      phone: true,
      identity: true,
      department: true,
      roles: true,
      active: true,
    },
  });
  if (!user) return null;
  const profile = campaignId
    ? await db().staffProfile.findUnique({
        where: { campaignId_userId: { campaignId, userId } },
        select: {
          id: true,
          poolStatus: true,
          qualification: true,
          source: true,
          studentCadre: true,
          region: true,
          overtimeFen: true,
          group: { select: { name: true } },
          trainings: { select: { session: { select: { topic: true } } } },
          assessments: { select: { id: true } },
          leaves: {
            orderBy: { startsOn: "asc" },
            select: { id: true, startsOn: true, endsOn: true, status: true },
          },
        },
      })
    : null;
  return { user, profile };
}
