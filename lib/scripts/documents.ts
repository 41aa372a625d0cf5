// The campaign's texts for the team: the training manual (四(二) 培训) and one call script (话术) per phase
// (四(三)2), each kept as Markdown versions (lib/scripts/versions.ts). Pure: no Prisma, no Next.
import { z } from "zod";
import type { ScriptDocument } from "@/generated/prisma/enums";
import { messageKey } from "@/lib/action/errors";

export type { ScriptDocument };

/** The documents in the order the admin's list shows them: the manual, then the scripts of phases 1 to 4. */
export const DOCUMENTS = [
  "MANUAL",
  "PHASE_1",
  "PHASE_2",
  "PHASE_3",
  "PHASE_4",
] as const satisfies readonly ScriptDocument[];

/** A document's address segment (/admin/scripts/phase-2) and back; anything else is no document. */
export function documentSlug(document: ScriptDocument): string {
  return document.toLowerCase().replace("_", "-");
}

export function documentOfSlug(slug: string): ScriptDocument | null {
  return DOCUMENTS.find((document) => documentSlug(document) === slug) ?? null;
}

/** The call script of a phase (1-4), or none outside the phases. */
export function scriptOfPhase(phase: number | null): ScriptDocument | null {
  return DOCUMENTS.find((document) => document === `PHASE_${phase}`) ?? null;
}

/** The phase a script belongs to (the manual belongs to none). */
export function phaseOfDocument(document: ScriptDocument): number | null {
  return document === "MANUAL" ? null : Number(document.slice("PHASE_".length));
}

/** A script or the manual, in characters: room for a long manual, not for a pasted book. */
export const SCRIPT_BODY = { min: 1, max: 20_000 } as const;

/**
 * A save from the editor: the document, the version the editor was opened on (0 while there is none) and
 * the whole text. Line endings are kept as typed, apart from Windows' \r\n.
 */
export const saveScriptSchema = z.strictObject({
  document: z.enum(DOCUMENTS),
  baseVersion: z.number().int().min(0).max(1_000_000),
  body: z
    .string()
    .transform((body) => body.replace(/\r\n?/g, "\n"))
    .pipe(
      z
        .string()
        .refine((body) => body.trim().length >= SCRIPT_BODY.min, messageKey("scripts.errors.bodyRequired"))
        .pipe(z.string().max(SCRIPT_BODY.max, messageKey("scripts.errors.bodyTooLong"))),
    ),
});

export type SaveScript = z.output<typeof saveScriptSchema>;
