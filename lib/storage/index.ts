// The one place the app keeps files: list uploads between preview and apply, withdrawal photos (and
// later screenshots and bundles). Files live in PostgreSQL as StoredFile + StoredFileChunk rows, so
// every app instance reads what another wrote, retention reaches them, and no machine's disk holds
// personal data. Writing and reading go chunk by chunk: a 50 MB file is never held whole in memory.
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type pg from "pg";
import type { StoredFileKind } from "@/generated/prisma/enums";
import type { Prisma, Reader } from "@/lib/db/client";
import { DAY_MS } from "@/lib/time";

export type { StoredFileKind };

/** Bytes per StoredFileChunk row: small enough to pass through the driver cheaply, few rows per file. */
export const CHUNK_BYTES = 512 * 1024;

/** List uploads not applied within this time are swept (on each upload and by `cli retention`). */
export const UPLOAD_LIFETIME_MS = DAY_MS;

export interface StoredFileInfo {
  id: string;
  kind: StoredFileKind;
  key: string;
  size: number;
  sha256: string;
  mimeType: string;
}

export interface PutOptions {
  kind: StoredFileKind;
  /** the name to find it by, unique per kind; a function of the content's sha-256 when the name is the hash */
  key: string | ((sha256: string) => string);
  mimeType: string;
  /** the campaign whose personal data the file holds: retention removes it with the campaign's data */
  campaignId?: string | null;
  /** refuse (FileTooLargeError, nothing kept) once more bytes than this have arrived */
  maxBytes?: number;
}

/** More bytes arrived than `maxBytes`: the partial file is gone, and the sender should stop. */
export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`file larger than ${maxBytes} bytes`);
  }
}

/**
 * The stored file changed while it was read: fewer or more bytes than its recorded size, or not its
 * recorded sha-256. Files are replaced and deleted while someone may be reading them (a list upload is
 * deleted by its apply, the sweep, a refused post), so a read that outlives its file ends with this
 * error rather than quietly with half a file. The import answers it as "upload gone, upload again".
 */
export class StoredFileChangedError extends Error {
  constructor(
    readonly kind: StoredFileKind,
    readonly key: string,
  ) {
    super(`stored file ${kind} ${key} changed or was deleted while it was read`);
  }
}

/**
 * What every backend does. Today's is PostgreSQL (`databaseStore`); an object store can implement the
 * same operations later without its callers changing.
 */
export interface FileStore {
  /**
   * Streams `content` in; a file under the same kind and key is replaced once the new one is complete,
   * unless it holds the same bytes: then it is kept and the new copy dropped.
   */
  put(options: PutOptions, content: AsyncIterable<Uint8Array>): Promise<StoredFileInfo>;
  /**
   * The file's bytes as a stream, or null when there is no complete file of that kind and key. The
   * stream fails with StoredFileChangedError when the bytes read are not the file's size and sha-256.
   */
  get(kind: StoredFileKind, key: string): Promise<{ info: StoredFileInfo; stream: Readable } | null>;
  /** Removes the file; true when there was one. */
  delete(kind: StoredFileKind, key: string): Promise<boolean>;
  /** Removes the files of `kind` created before `olderThan`, and any file still unfinished by then; returns how many. */
  sweep(kind: StoredFileKind, olderThan: Date): Promise<number>;
  /** How many files `sweep` would remove with the same arguments, removing nothing (a dry run). */
  count(kind: StoredFileKind, olderThan: Date): Promise<number>;
}

/** The files `sweep` removes and `count` counts: one condition, so a dry run counts what the sweep deletes. */
function sweptFiles(kind: StoredFileKind, olderThan: Date): Prisma.StoredFileWhereInput {
  return { createdAt: { lt: olderThan }, OR: [{ kind }, { completedAt: null }] };
}

/**
 * The PostgreSQL store, on a client or inside a transaction (a photo is stored in the transaction of
 * the action that accepts it; under the embedded database a second connection would wait on it).
 *
 * `chunkPool`, for large files written outside any transaction (list uploads): the chunks' bytes go
 * through plain `pg` on that pool (the app's own, lib/db's `dbPool`) instead of Prisma. Prisma 6 hands every query to its query compiler as JSON with
 * its parameters, and keeps about 90 MB of recent ones alive (measured: 20 MB of chunks written
 * through Prisma left 44 MB of live heap behind, through `pg` 0.2 MB); through `pg` a 50 MB upload
 * keeps at most a chunk or two in memory.
 */
export function databaseStore(prisma: Reader, options: { chunkPool?: pg.Pool } = {}): FileStore {
  const insertChunk = async (fileId: string, index: number, bytes: Buffer) => {
    if (options.chunkPool) {
      await options.chunkPool.query(`INSERT INTO "StoredFileChunk" ("fileId", "index", "bytes") VALUES ($1, $2, $3)`, [
        fileId,
        index,
        bytes,
      ]);
      return;
    }
    await prisma.$executeRaw`
      INSERT INTO "StoredFileChunk" ("fileId", "index", "bytes") VALUES (${fileId}, ${index}, ${bytes})`;
  };
  return {
    async put(options, content) {
      const file = await prisma.storedFile.create({
        data: {
          kind: options.kind,
          // a placeholder until the content is complete (and, for a hashed key, known)
          key: `writing:${randomUUID()}`,
          mimeType: options.mimeType,
          campaignId: options.campaignId ?? null,
        },
        select: { id: true },
      });
      const hash = createHash("sha256");
      let size = 0;
      let index = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const bytes = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await insertChunk(file.id, index, bytes);
        index += 1;
      };
      try {
        for await (const piece of content) {
          size += piece.byteLength;
          if (options.maxBytes !== undefined && size > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
          hash.update(piece);
          let rest = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
          while (pendingBytes + rest.length >= CHUNK_BYTES) {
            const take = CHUNK_BYTES - pendingBytes;
            pending.push(Buffer.from(rest.subarray(0, take)));
            pendingBytes += take;
            rest = rest.subarray(take);
            await flush();
          }
          if (rest.length > 0) {
            pending.push(Buffer.from(rest));
            pendingBytes += rest.length;
          }
        }
        await flush();
      } catch (error) {
        await prisma.storedFile.delete({ where: { id: file.id } }).catch(() => undefined);
        throw error;
      }
      const sha256 = hash.digest("hex");
      const key = typeof options.key === "function" ? options.key(sha256) : options.key;
      const name = (tx: Prisma.TransactionClient) => nameFile(tx, { ...options, key }, { id: file.id, size, sha256 });
      // one transaction: two copies of one name never meet the unique index half done
      return "$transaction" in prisma ? prisma.$transaction(name) : name(prisma);
    },

    async get(kind, key) {
      const file = await prisma.storedFile.findFirst({
        where: { kind, key, completedAt: { not: null } },
        select: { id: true, kind: true, key: true, size: true, sha256: true, mimeType: true },
      });
      if (!file) return null;
      const chunks = async function* () {
        const hash = createHash("sha256");
        let read = 0;
        // one chunk per query, in order: the reader pulls the next only when it has used the last
        for (let index = 0; read < file.size; index += 1) {
          // as base64 text: through the driver a bytea column arrives as hex and is mapped slowly
          const [chunk] = await prisma.$queryRaw<{ base64: string }[]>`
            SELECT encode("bytes", 'base64') AS base64 FROM "StoredFileChunk"
             WHERE "fileId" = ${file.id} AND "index" = ${index}`;
          // deleted (or replaced) since the read began: its chunks went with it
          if (!chunk) break;
          const bytes = Buffer.from(chunk.base64, "base64");
          read += bytes.length;
          hash.update(bytes);
          yield bytes;
        }
        if (read !== file.size || (file.sha256 !== null && hash.digest("hex") !== file.sha256)) {
          throw new StoredFileChangedError(kind, key);
        }
      };
      return { info: { ...file, sha256: file.sha256 ?? "" }, stream: Readable.from(chunks()) };
    },

    async delete(kind, key) {
      const { count } = await prisma.storedFile.deleteMany({ where: { kind, key } });
      return count > 0;
    },

    async sweep(kind, olderThan) {
      const { count } = await prisma.storedFile.deleteMany({ where: sweptFiles(kind, olderThan) });
      return count;
    },

    count(kind, olderThan) {
      return prisma.storedFile.count({ where: sweptFiles(kind, olderThan) });
    },
  };
}

/**
 * Gives a complete file its name, inside a transaction. A complete file of that name with the same
 * bytes (the same list uploaded twice, perhaps at the same moment) is kept and the new copy dropped:
 * someone may be reading the kept one, and replacing it would cut their read short. Its upload time
 * restarts, as the newer upload would have. A file of that name with other bytes is replaced.
 */
async function nameFile(
  tx: Prisma.TransactionClient,
  options: Omit<PutOptions, "key"> & { key: string },
  file: { id: string; size: number; sha256: string },
): Promise<StoredFileInfo> {
  const { kind, key, mimeType } = options;
  // finishing writes of one name wait for each other here, so the second sees the first's
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`stored-file:${kind}:${key}`}, 0))`;
  const existing = await tx.storedFile.findFirst({
    where: { kind, key, completedAt: { not: null }, NOT: { id: file.id } },
    select: { id: true, size: true, sha256: true, mimeType: true },
  });
  if (existing && existing.sha256 === file.sha256 && existing.size === file.size) {
    await tx.storedFile.delete({ where: { id: file.id } });
    await tx.storedFile.update({
      where: { id: existing.id },
      data: { createdAt: new Date(), campaignId: options.campaignId ?? null },
    });
    return { id: existing.id, kind, key, size: existing.size, sha256: file.sha256, mimeType: existing.mimeType };
  }
  await tx.storedFile.deleteMany({ where: { kind, key, NOT: { id: file.id } } });
  await tx.storedFile.update({
    where: { id: file.id },
    data: { key, size: file.size, sha256: file.sha256, completedAt: new Date() },
  });
  return { id: file.id, kind, key, size: file.size, sha256: file.sha256, mimeType };
}

/** Bytes already in memory (a photo of a few hundred KB) as the content `put` streams in. */
export async function* bytesOf(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/**
 * A small file already in memory (a demo photo, a test fixture) as a nested create: one chunk,
 * complete. Anything that arrives as a stream goes through `put`.
 */
export function smallFile(
  options: { kind: StoredFileKind; key: string; mimeType: string; campaignId?: string | null },
  bytes: Uint8Array,
): Prisma.StoredFileCreateWithoutWithdrawalPhotoInput {
  if (bytes.byteLength > CHUNK_BYTES) throw new Error("smallFile: larger than one chunk, stream it with put");
  return {
    kind: options.kind,
    key: options.key,
    mimeType: options.mimeType,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    completedAt: new Date(),
    ...(options.campaignId ? { campaign: { connect: { id: options.campaignId } } } : {}),
    chunks: { create: { index: 0, bytes: Buffer.from(bytes) } },
  };
}
