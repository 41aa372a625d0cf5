import "server-only";
import { PassThrough, type Readable } from "node:stream";
import archiver from "archiver";
import type { Reader } from "@/lib/db/client";
import { buildWorkbook } from "@/lib/export/workbook";
import type { TranslateFn } from "@/lib/i18n/text";
import { databaseStore } from "@/lib/storage";
import { beijingDateTime } from "@/lib/time/beijing";
import { type BundleFilter, photoNames, reviewedBetween } from "./bundle-plan";

/** The approved requests a bundle holds, oldest approval first, with what the summary and the photos need. */
export async function approvedMaterials(reader: Reader, campaignId: string, filter: BundleFilter) {
  const requests = await reader.withdrawalRequest.findMany({
    where: {
      campaignId,
      status: "APPROVED",
      kind: { in: filter.kinds },
      reviewedAt: { not: null, ...reviewedBetween(filter) },
    },
    orderBy: [{ reviewedAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      kind: true,
      reason: true,
      reviewedAt: true,
      candidate: { select: { examNo: true, name: true } },
      caller: { select: { name: true } },
      reviewer: { select: { name: true } },
      photos: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { mimeType: true, file: { select: { key: true } } },
      },
    },
  });
  const names = photoNames(requests.map((r) => ({ examNo: r.candidate.examNo, photos: r.photos })));
  return requests.map((request, i) => ({ ...request, photoNames: names[i] ?? [] }));
}

export type BundleRequest = Awaited<ReturnType<typeof approvedMaterials>>[number];

/** summary.xlsx: one row per request, headers in the reader's language, the photos by their names in the zip. */
export function bundleSummary(requests: readonly BundleRequest[], t: TranslateFn): Promise<Buffer> {
  const header = (column: string) => t(`bundle.columns.${column}`);
  return buildWorkbook({
    name: t("bundle.sheet"),
    rows: requests,
    columns: [
      { header: header("examNo"), width: 18, value: (r) => r.candidate.examNo },
      { header: header("name"), value: (r) => r.candidate.name },
      { header: header("kind"), value: (r) => t(`withdrawalKind.${r.kind}`) },
      { header: header("reason"), width: 30, value: (r) => r.reason ?? "" },
      { header: header("caller"), value: (r) => r.caller.name },
      { header: header("reviewer"), value: (r) => r.reviewer?.name ?? "" },
      // Beijing wall-clock time, as the data team reads it
      {
        header: header("reviewedAt"),
        width: 18,
        value: (r) => (r.reviewedAt ? beijingDateTime(r.reviewedAt).replace("T", " ") : ""),
      },
      {
        header: header("photos"),
        width: 40,
        value: (r) => r.photoNames.map((n) => n.slice("photos/".length)).join("\n"),
      },
    ],
  });
}

export interface BundleEntry {
  name: string;
  /** opened only when the zip is ready to take it, so one photo at a time is being read */
  open: () => Promise<Readable | Buffer>;
}

/**
 * A zip of `entries`, as a stream. Each entry is opened only once the one before it is in the archive,
 * and the archive passes bytes on as its reader takes them (a slow download pauses the reading of the
 * photo in hand), so a bundle of hundreds of photos holds about one chunk of one photo in memory, never
 * the bundle. A failure part-way ends the stream with the error: the download is cut short, not
 * finished with a quietly missing photo.
 */
export function zipStream(entries: Iterable<BundleEntry> | AsyncIterable<BundleEntry>): Readable {
  // no compression: JPEG, PNG, WebP and xlsx are compressed already, and storing keeps the CPU free
  const archive = archiver("zip", { store: true });
  let failed: ((error: unknown) => void) | null = null;
  archive.on("error", (error) => failed?.(error));
  const fill = async () => {
    for await (const entry of entries) {
      const content = await entry.open();
      await new Promise<void>((resolve, reject) => {
        failed = reject;
        archive.once("entry", () => resolve());
        // a stored file's stream yields Buffers in object mode: a byte stream for the zip entry
        archive.append(Buffer.isBuffer(content) ? content : content.pipe(new PassThrough()), { name: entry.name });
        if (!Buffer.isBuffer(content)) content.once("error", reject);
      });
    }
    failed = null;
    await archive.finalize();
  };
  fill().catch((error: unknown) => archive.destroy(error instanceof Error ? error : new Error(String(error))));
  return archive;
}

/** The bundle's entries: summary.xlsx, then each request's photos, read from the app's one store. */
export function bundleEntries(reader: Reader, requests: readonly BundleRequest[], summary: Buffer): BundleEntry[] {
  const store = databaseStore(reader);
  const photos = requests.flatMap((request) =>
    request.photos.map((photo, i) => ({
      key: photo.file.key,
      name: request.photoNames[i] ?? `photos/${request.id}-${i}`,
    })),
  );
  return [
    { name: "summary.xlsx", open: async () => summary },
    ...photos.map(({ key, name }) => ({
      name,
      open: async () => {
        const stored = await store.get("WITHDRAWAL_PHOTO", key);
        if (!stored) throw new Error(`bundle: photo ${key} is gone`);
        return stored.stream;
      },
    })),
  ];
}
