// Undoing an applied batch as a whole, in set-based SQL over the batch's own undo records (ImportCreated,
// ImportChange).
import { ActionError, type ActionErrorCode } from "@/lib/action/errors";
import { firstError } from "@/lib/action/result";
import type { ActionContext } from "@/lib/action/run";
import { runAs, type SystemActionConfig } from "@/lib/action/system";
import type { Prisma, PrismaClient } from "@/lib/db/client";
import { type Text, text } from "@/lib/i18n/text";

/** The undo of a batch, from the import page's action or from the command line. */
export const UNDO_LIST = {
  name: "import.undo",
  permission: "import.run",
  timeoutMs: 600_000,
} as const satisfies SystemActionConfig;

/**
 * Undoes a batch inside an action's transaction, the same for the import page's action and the
 * command line, and describes its one audit row. Refused (ActionError) as undoBatch says.
 */
export async function undoInAction({ tx, audit }: ActionContext, batchId: string) {
  const undone = await undoBatch(tx, batchId);
  audit({ entityType: "ImportBatch", entityId: batchId, after: { status: "UNDONE" } });
  return undone;
}

/** Undoes a batch as `by`, through the same wrapper, transaction and audit row as the import page. */
export async function undoImport(
  prisma: PrismaClient,
  input: { batchId: string; by: { login: string } | { id: string } },
): Promise<{ ok: true; batchId: string; updated: number } | { ok: false; code: ActionErrorCode; message: string }> {
  const result = await runAs(prisma, input.by, UNDO_LIST, (ctx) => undoInAction(ctx, input.batchId));
  return result.ok ? { ok: true, ...result.data } : { ok: false, code: result.code, message: firstError(result) };
}

/**
 * The undo itself, inside the caller's transaction; the caller writes the audit row. Allowed while no
 * later batch of the campaign was applied on top of it and none of the candidates it created has been
 * worked on (contact logs): created candidates are removed, changed fields get their previous values
 * back. Refused with NOT_FOUND, or INVALID_INPUT saying why on `batchId`. Set-based: every
 * statement joins on the batch's ImportCreated and ImportChange rows, so a batch of 100,000 candidates is a handful of
 * statements and never a list of ids as query parameters (PostgreSQL allows 32,767 per statement).
 */
export async function undoBatch(tx: Prisma.TransactionClient, batchId: string) {
  // one undo of a batch at a time: a second one waits here, then finds it undone
  const [batch] = await tx.$queryRaw<{ id: string; campaignId: string; status: string; fileHash: string }[]>`
    SELECT id, "campaignId", status::text, "fileHash" FROM "ImportBatch" WHERE id = ${batchId} FOR UPDATE`;
  if (!batch) throw new ActionError("NOT_FOUND");
  if (batch.status !== "APPLIED") refuse(text("imports.undoErrors.notApplied"));
  const later = await tx.$queryRaw<{ later: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ImportBatch" b, "ImportBatch" this
       WHERE this.id = ${batch.id} AND b."campaignId" = this."campaignId" AND b.status = 'APPLIED'
         AND b."createdAt" > this."createdAt") AS later`;
  if (later[0]?.later) refuse(text("imports.undoErrors.laterBatch"));
  // The batch's candidates are locked first, in one statement and in id order, as logContact locks
  // the one it logs for: a contact logged meanwhile either committed before (and is seen below) or
  // waits for the undo and then finds its candidate gone. Nobody waits on anybody in a circle.
  await tx.$queryRaw`
    SELECT count(*)::int AS locked FROM (
      SELECT c.id FROM "Candidate" c
       WHERE c.id IN (SELECT "candidateId" FROM "ImportChange" WHERE "batchId" = ${batch.id}
                      UNION ALL
                      SELECT unnest("candidateIds") FROM "ImportCreated" WHERE "batchId" = ${batch.id})
       ORDER BY c.id FOR UPDATE OF c) AS batch_candidates`;
  const worked = await tx.$queryRaw<{ worked: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM "ContactLog" l
       JOIN (SELECT unnest("candidateIds") AS id FROM "ImportCreated" WHERE "batchId" = ${batch.id}) AS created
         ON created.id = l."candidateId") AS worked`;
  if (worked[0]?.worked) refuse(text("imports.undoErrors.worked"));
  await tx.$executeRaw`
    DELETE FROM "Candidate" c
     USING (SELECT unnest("candidateIds") AS id FROM "ImportCreated" WHERE "batchId" = ${batch.id}) AS created
     WHERE c.id = created.id`;
  // each change restores the fields it recorded (`before` names them), every other column keeps its value;
  // a candidate the undone 录取 list had admitted is not admitted any more, so until a list admits them
  // again their pay credit follows whoever holds them
  const updated = await tx.$executeRaw`
    UPDATE "Candidate" AS c SET
      "name" = CASE WHEN ch.before ? 'name' THEN ch.before->>'name' ELSE c."name" END,
      "gender" = CASE WHEN ch.before ? 'gender' THEN ch.before->>'gender' ELSE c."gender" END,
      "phones" = CASE WHEN ch.before ? 'phones'
        THEN ARRAY(SELECT jsonb_array_elements_text(COALESCE(ch.before->'phones', '[]'::jsonb))) ELSE c."phones" END,
      "region" = CASE WHEN ch.before ? 'region' THEN ch.before->>'region' ELSE c."region" END,
      "school" = CASE WHEN ch.before ? 'school' THEN ch.before->>'school' ELSE c."school" END,
      "major" = CASE WHEN ch.before ? 'major' THEN ch.before->>'major' ELSE c."major" END,
      "firstChoice" = CASE WHEN ch.before ? 'firstChoice'
        THEN (ch.before->>'firstChoice')::boolean ELSE c."firstChoice" END,
      "admitted" = CASE WHEN ch.before ? 'admitted' THEN (ch.before->>'admitted')::boolean ELSE c."admitted" END,
      "paid" = CASE WHEN ch.before ? 'paid' THEN (ch.before->>'paid')::boolean ELSE c."paid" END,
      "enrollment" = CASE WHEN ch.before ? 'enrollment'
        THEN (ch.before->>'enrollment')::"EnrollmentStatus" ELSE c."enrollment" END,
      "enrollmentRecord" = CASE WHEN ch.before ? 'enrollmentRecord'
        THEN (ch.before->>'enrollmentRecord')::"EnrollmentRecord" ELSE c."enrollmentRecord" END,
      "creditCallerId" = CASE WHEN ch.before ? 'admitted' AND NOT (ch.before->>'admitted')::boolean
        THEN c."assignedCallerId" ELSE c."creditCallerId" END,
      "version" = c."version" + 1,
      "updatedAt" = CURRENT_TIMESTAMP
    FROM "ImportChange" ch
    WHERE ch."batchId" = ${batch.id} AND c.id = ch."candidateId"`;
  await tx.importBatch.update({
    where: { id: batch.id },
    // the hash is unique per campaign and kind; the undone batch gives it up, so the same file
    // can be applied again later, and keeps it readable after a marker
    data: { status: "UNDONE", undoneAt: new Date(), fileHash: `${batch.fileHash}#undone:${batch.id}` },
  });
  return { batchId: batch.id, updated };
}

function refuse(reason: Text): never {
  throw new ActionError("INVALID_INPUT", { batchId: [reason] });
}
