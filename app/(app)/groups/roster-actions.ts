"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/action";
import { ADD_MEMBER, RELEASE_MEMBER } from "@/lib/groups/members";

// A group's member actions: their bodies are lib/groups/members.ts, shared with the demo seed.

function revalidateGroup(groupId: string) {
  revalidatePath("/groups");
  revalidatePath(`/groups/${groupId}`);
  revalidatePath("/admin/groups");
}

export const addMember = serverAction(ADD_MEMBER, (_, input) => revalidateGroup(input.groupId));
export const releaseMember = serverAction(RELEASE_MEMBER, (_, input) => revalidateGroup(input.groupId));
