"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { changeTeamRoles } from "@/lib/teams/change";
import { memberSchema } from "@/lib/teams/schema";

/** The callback lead adds a person to the strike team (突击组) or takes them off it. */
export const setStrikeMember = action(
  { name: "team.strikeMember", permission: "team.strike.manage", schema: memberSchema },
  async ({ login, member }, ctx) => {
    const changed = await changeTeamRoles(ctx, { team: "strike", login, kind: "member", on: member });
    revalidatePath("/strike/team");
    return changed;
  },
);
