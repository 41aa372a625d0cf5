"use server";

import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { changeTeamRoles } from "@/lib/teams/change";
import { leadSchema, memberSchema } from "@/lib/teams/schema";

/** The data team's lead adds a member to the data team (系统数据组) or takes one off it. */
export const setDataMember = action(
  { name: "team.dataMember", permission: "team.data.manage", schema: memberSchema },
  async ({ login, member }, ctx) => {
    const changed = await changeTeamRoles(ctx, { team: "data", login, kind: "member", on: member });
    revalidatePath("/admin/team");
    return changed;
  },
);

/** An admin names a team's lead, or ends the office (never their own). */
export const setTeamLead = action(
  { name: "team.lead", permission: "team.leads.manage", schema: leadSchema },
  async ({ team, login, lead }, ctx) => {
    const changed = await changeTeamRoles(ctx, { team, login, kind: "lead", on: lead });
    revalidatePath("/admin/team");
    return changed;
  },
);
