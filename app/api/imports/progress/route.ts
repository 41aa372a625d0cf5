import { route, routeFailure } from "@/lib/action";
import { progressStore } from "@/lib/import/apply-progress";
import { type ApplyStage, processProgress } from "@/lib/import/progress";

const isSha256 = (value: string) => /^[0-9a-f]{64}$/.test(value);

const answer = (stage: ApplyStage) => Response.json(stage, { headers: { "cache-control": "no-store" } });

/**
 * How far the apply of one upload has got (GET ?fileHash=), polled by the import page while it runs.
 * Any instance answers for an apply running on any other (lib/import/progress).
 *
 * Under the embedded database every query waits for the running apply's transaction, the session
 * check's included, so the page would see nothing until the apply is over. The answer comes from the
 * process-wide store instead, only to the user who started that apply (the apply action checked their
 * session and permission), identified by the signed session cookie without a query.
 */
export const GET = route(
  {
    name: "import.progress",
    permission: "import.run",
    onEmbeddedDatabase: async (request, userId) => {
      const fileHash = new URL(request.url).searchParams.get("fileHash") ?? "";
      if (!isSha256(fileHash)) return routeFailure("INVALID_INPUT");
      return answer(await processProgress().readFor(fileHash, userId));
    },
  },
  async (_request, { query }) => {
    const fileHash = query.get("fileHash") ?? "";
    if (!isSha256(fileHash)) return routeFailure("INVALID_INPUT");
    return answer(await progressStore().read(fileHash));
  },
);
