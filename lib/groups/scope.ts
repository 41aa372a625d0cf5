import { can, type Viewer } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/db/client";

/**
 * The groups a person works on, as a filter: every group for those who oversee all groups (the
 * callback lead, admins) or reassign candidates across groups (the data team); only the groups they
 * lead for a group leader. Pages answer 404 outside it, and actions find nothing outside it.
 */
export function groupScope(user: Viewer): Prisma.GroupWhereInput {
  const everyGroup = can(user.roles, "groups.viewAll") || can(user.roles, "candidate.reassignAnyGroup");
  return everyGroup ? {} : { leaderId: user.id };
}
