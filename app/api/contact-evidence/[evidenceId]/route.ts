import { Readable } from "node:stream";
import { route, routeFailure } from "@/lib/action";
import { evidenceFor } from "@/lib/evidence/queries";

/**
 * A screenshot kept with a contact (a chat, a call log: personal data of the candidate and their family):
 * only inspectors, the candidate's current caller and group leader, and a strike member holding the case
 * may see it, never from a cache, and every view is audited as a phone reveal is. Anyone else is answered
 * 404, as if there were no such screenshot.
 */
export const GET = route<{ evidenceId: string }>(
  { name: "evidence.view", permission: "evidence.view", forbiddenAs: "NOT_FOUND" },
  async (_request, { user, params: { evidenceId }, audit }) => {
    const evidence = await evidenceFor(user, evidenceId);
    if (!evidence) return routeFailure("NOT_FOUND");
    const { stored } = evidence;
    await audit({ entityType: "ContactEvidence", entityId: evidence.id, after: { logId: evidence.logId } });
    return new Response(Readable.toWeb(stored.stream) as ReadableStream<Uint8Array>, {
      headers: {
        "Content-Type": evidence.mimeType,
        "Content-Length": String(stored.info.size),
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": "inline",
      },
    });
  },
);
