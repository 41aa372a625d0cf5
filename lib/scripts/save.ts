// Writing scripts and the manual: a save adds a version on top of the one the editor was opened on
// (lib/scripts/versions.ts), and a new campaign copied from an earlier one starts from its latest texts.
import { ActionError } from "@/lib/action/errors";
import type { Prisma } from "@/lib/db/client";
import { text } from "@/lib/i18n/text";
import type { SaveScript, ScriptDocument } from "./documents";
import { versionToSave } from "./versions";

/** The newest version number of a document in a campaign, 0 while it has none. */
export async function latestVersion(tx: Prisma.TransactionClient, campaignId: string, document: ScriptDocument) {
  const latest = await tx.scriptVersion.findFirst({
    where: { campaignId, document },
    orderBy: { version: "desc" },
    select: { version: true },
  });
  return latest?.version ?? 0;
}

/**
 * Saves the text as the next version. Refused as STALE, nothing written, when a version was saved after
 * the one the editor showed; two saves on the same version at once meet the unique key, and the second is
 * a CONFLICT. Either way the caller's text is theirs to keep (the form does not clear it).
 */
export async function saveScriptVersion(
  tx: Prisma.TransactionClient,
  campaignId: string,
  input: SaveScript,
  authorId: string | null,
) {
  const check = versionToSave(await latestVersion(tx, campaignId, input.document), input.baseVersion);
  if (!check.ok) {
    throw new ActionError("STALE", { body: [text("scripts.errors.stale", { latest: check.latest })] });
  }
  return tx.scriptVersion.create({
    data: { campaignId, document: input.document, version: check.version, body: input.body, authorId },
    select: { id: true, document: true, version: true },
  });
}

/**
 * Gives a new campaign the latest text of each of an earlier campaign's documents as its version 1, with
 * the same author. Returns how many documents were copied.
 */
export async function copyScripts(tx: Prisma.TransactionClient, fromCampaignId: string, toCampaignId: string) {
  const versions = await tx.scriptVersion.findMany({
    where: { campaignId: fromCampaignId },
    orderBy: [{ document: "asc" }, { version: "desc" }],
    distinct: ["document"],
    select: { document: true, body: true, authorId: true },
  });
  if (versions.length === 0) return 0;
  await tx.scriptVersion.createMany({
    data: versions.map((v) => ({
      campaignId: toCampaignId,
      document: v.document,
      version: 1,
      body: v.body,
      authorId: v.authorId,
    })),
  });
  return versions.length;
}
