// What the backup file holds once decrypted: one line of JSON, the manifest, then the dump itself (the
// output of pg_dump on a server, the rows of every table on the embedded database). The manifest lets a
// restore say what it will do before it does it, and check afterwards that every row arrived.
import { PassThrough, type Readable } from "node:stream";

export interface BackupManifest {
  /** pg_dump's custom format (a server), or the rows as JSON lines (the embedded database) */
  format: "pg_dump" | "rows";
  /** the migrations applied to the database backed up */
  migrations: string[];
  /** rows per table, counted in the snapshot the dump was taken from (the migration history aside) */
  tables: Record<string, number>;
  /** the current campaign's retention period when the backup was taken, for --prune (null: no campaign) */
  retentionDays: number | null;
}

/** The manifest's line, which the payload begins with. */
export function manifestLine(manifest: BackupManifest): Buffer {
  return Buffer.from(`${JSON.stringify(manifest)}\n`, "utf8");
}

/** A manifest is a few KB; a first line longer than this is not one. */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;

/** Reads the manifest's line off a decrypted payload; `dump` is the rest, as a stream. */
export async function readManifest(payload: Readable): Promise<{ manifest: BackupManifest; dump: Readable }> {
  let head = Buffer.alloc(0);
  const iterator = payload[Symbol.asyncIterator]();
  for (;;) {
    const next = await iterator.next();
    if (next.done) throw new Error("the backup ends before its manifest");
    head = Buffer.concat([head, next.value as Buffer]);
    const newline = head.indexOf(0x0a);
    if (newline >= 0) {
      const manifest = JSON.parse(head.subarray(0, newline).toString("utf8")) as BackupManifest;
      const dump = new PassThrough();
      const rest = head.subarray(newline + 1);
      (async () => {
        if (rest.length > 0) dump.write(rest);
        for (;;) {
          // a reader that wanted the manifest only destroys the rest: stop decrypting then
          if (dump.destroyed) {
            await iterator.return?.();
            return;
          }
          const chunk = await iterator.next();
          if (chunk.done) break;
          if (!dump.write(chunk.value)) {
            await new Promise((resolve) => {
              dump.once("drain", resolve);
              dump.once("close", resolve);
            });
          }
        }
        dump.end();
      })().catch((error: unknown) => dump.destroy(error as Error));
      return { manifest, dump };
    }
    if (head.length > MAX_MANIFEST_BYTES) throw new Error("the backup's manifest is missing");
  }
}
