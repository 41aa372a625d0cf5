import "server-only";
import { db } from "@/lib/db";
import type { ScriptDocument } from "./documents";

const author = { select: { id: true, name: true } } as const;

/** Each document's latest version in a campaign (documents without one are absent), for the admin's list. */
export async function latestScripts(campaignId: string) {
  return db().scriptVersion.findMany({
    where: { campaignId },
    orderBy: [{ document: "asc" }, { version: "desc" }],
    distinct: ["document"],
    select: { document: true, version: true, createdAt: true, author },
  });
}

/** The latest version of one document, with its text, or null while it has none. */
export async function currentScript(campaignId: string, document: ScriptDocument) {
  return db().scriptVersion.findFirst({
    where: { campaignId, document },
    orderBy: { version: "desc" },
    select: { version: true, body: true, createdAt: true, author },
  });
}

/** Every version of one document, newest first: who saved it and when (the texts are read one at a time). */
export async function scriptVersions(campaignId: string, document: ScriptDocument) {
  return db().scriptVersion.findMany({
    where: { campaignId, document },
    orderBy: { version: "desc" },
    select: { version: true, createdAt: true, author, body: false },
  });
}

/** One earlier version, with its text, or null when the campaign's document has no such version. */
export async function scriptVersion(campaignId: string, document: ScriptDocument, version: number) {
  return db().scriptVersion.findUnique({
    where: { campaignId_document_version: { campaignId, document, version } },
    select: { version: true, body: true, createdAt: true, author },
  });
}
