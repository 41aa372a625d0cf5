"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { changeTeamRoles } from "@/lib/teams/change";
import { memberSchema } from "@/lib/teams/schema";

/** An inspection co-lead adds an inspector (督查组) or takes one off the team. */
export const setInspector = action(
  { name: "team.inspectorMember", permission: "team.inspection.manage", schema: memberSchema },
  async ({ login, member }, ctx) => {
    const changed = await changeTeamRoles(ctx, { team: "inspection", login, kind: "member", on: member });
    revalidatePath("/inspection/team");
    return changed;
  },
);
