"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/action";
import { APPROVE_ROSTER, CREATE_GROUP, DELETE_GROUP, UPDATE_GROUP } from "@/lib/groups/manage";

// The groups page's actions: their bodies are lib/groups/manage.ts, shared with the demo seed.

function revalidateGroups(groupId?: string) {
  revalidatePath("/admin/groups");
  revalidatePath("/groups");
  if (groupId) revalidatePath(`/groups/${groupId}`);
}

export const createGroup = serverAction(CREATE_GROUP, () => revalidateGroups());
export const updateGroup = serverAction(UPDATE_GROUP, (group) => revalidateGroups(group.id));
export const deleteGroup = serverAction(DELETE_GROUP, () => revalidateGroups());
export const approveRoster = serverAction(APPROVE_ROSTER, (group) => revalidateGroups(group.id));
