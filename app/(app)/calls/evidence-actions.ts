"use server";

import { revalidatePath } from "next/cache";
import { serverAction } from "@/lib/action";
import { ATTACH_EVIDENCE } from "@/lib/evidence/attach";

/**
 * Keeps screenshots with one of the caller's own contacts (lib/evidence/attach.ts): the contact form
 * sends them one by one once the contact is saved, and the ledger adds them later the same day.
 */
export const attachEvidence = serverAction(ATTACH_EVIDENCE, (result) => {
  revalidatePath(`/calls/${result.candidateId}`);
});
