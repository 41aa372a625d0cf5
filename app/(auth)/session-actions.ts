"use server";

import { z } from "zod";
import { action } from "@/lib/action";
import { endAllSessions } from "@/lib/auth/sessions";

/**
 * 退出所有设备: ends every session of the signed-in account, this browser's included, for someone who
 * stayed signed in on a shared school computer or lost a phone. The shell asks to confirm first.
 */
export const signOutEverywhere = action(
  {
    name: "session.endAll",
    permission: "account.endSessions",
    schema: z.object({ confirmed: z.literal("yes") }).strict(),
  },
  async (_input, { tx, user, now, audit }) => {
    const ended = await endAllSessions(tx, user.id, now);
    audit({ entityType: "User", entityId: user.id, after: { sessionsEnded: ended } });
    return { ended };
  },
);
