import type { Role } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { addStaff, createGroup, createUser } from "@/prisma/seed/factories";

type People = Record<"leaderA" | "callerA" | "leaderB" | "callerB", string>;

/**
 * The frame the action and dashboard fixtures build on: 甲组 (成都) and 乙组 (绵阳) of one campaign, each
 * led by a leader who is also a caller, with one more caller, all four placed in the staff pool.
 * Logins end in `tag`, so every fixture has its own people; `names` are the people's display names.
 */
export async function createTwoGroups(campaignId: string, tag: string, names: People) {
  const prisma = db();
  const user = (key: string, name: string, roles: Role[]) =>
    createUser(prisma, { login: `${key}-${tag}`, name, roles });
  const leaderA = await user("leader-a", names.leaderA, ["GROUP_LEADER", "CALLER"]);
  const callerA = await user("caller-a", names.callerA, ["CALLER"]);
  const leaderB = await user("leader-b", names.leaderB, ["GROUP_LEADER", "CALLER"]);
  const callerB = await user("caller-b", names.callerB, ["CALLER"]);
  const groupA = await createGroup(prisma, { campaignId, name: "甲组", region: "成都", leaderId: leaderA.id });
  const groupB = await createGroup(prisma, { campaignId, name: "乙组", region: "绵阳", leaderId: leaderB.id });
  for (const [member, group] of [
    [leaderA, groupA],
    [callerA, groupA],
    [leaderB, groupB],
    [callerB, groupB],
  ] as const) {
    await addStaff(prisma, { campaignId, userId: member.id, groupId: group.id });
  }
  return { leaderA, callerA, leaderB, callerB, groupA, groupB, user };
}
