// The one place the app keeps files: list uploads between preview and apply, withdrawal photos (and
// later screenshots and bundles). Files live in PostgreSQL as StoredFile + StoredFileChunk rows, so
// every app instance reads what another wrote, retention reaches them, and no machine's disk holds
// personal data. Writing and reading go chunk by chunk: a 50 MB file is never held whole in memory.
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type pg from "pg";
import type { StoredFileKind } from "@/generated/prisma/enums";
import type { Prisma, Reader } from "@/lib/db/client";

export type { StoredFileKind };

/** Bytes per StoredFileChunk row: small enough to pass through the driver cheaply, few rows per file. */
export const CHUNK_BYTES = 512 * 1024;

/** List uploads not applied within this time are swept (on each upload and by `cli retention`). */
export const UPLOAD_LIFETIME_MS = 24 * 60 * 60 * 1000;

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
 * What every backend does. Today's is PostgreSQL (`databaseStore`); an object store can implement the
 * same four operations later without its callers changing.
 */
export interface FileStore {
  /** Streams `content` in; a file under the same kind and key is replaced once the new one is complete. */
  put(options: PutOptions, content: AsyncIterable<Uint8Array>): Promise<StoredFileInfo>;
  /** The file's bytes as a stream, or null when there is no complete file of that kind and key. */
  get(kind: StoredFileKind, key: string): Promise<{ info: StoredFileInfo; stream: Readable } | null>;
  /** Removes the file; true when there was one. */
  delete(kind: StoredFileKind, key: string): Promise<boolean>;
  /** Removes the files of `kind` created before `olderThan`, and any file still unfinished by then; returns how many. */
  sweep(kind: StoredFileKind, olderThan: Date): Promise<number>;
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
      // the same name again (the same list uploaded twice): the newer, complete copy wins
      await prisma.storedFile.deleteMany({ where: { kind: options.kind, key, NOT: { id: file.id } } });
      await prisma.storedFile.update({
        where: { id: file.id },
        data: { key, size, sha256, completedAt: new Date() },
      });
      return { id: file.id, kind: options.kind, key, size, sha256, mimeType: options.mimeType };
    },

    async get(kind, key) {
      const file = await prisma.storedFile.findFirst({
        where: { kind, key, completedAt: { not: null } },
        select: { id: true, kind: true, key: true, size: true, sha256: true, mimeType: true },
      });
      if (!file) return null;
      const chunks = async function* () {
        // one chunk per query, in order: the reader pulls the next only when it has used the last
        for (let index = 0; ; index += 1) {
          // as base64 text: through the driver a bytea column arrives as hex and is mapped slowly
          const [chunk] = await prisma.$queryRaw<{ base64: string }[]>`
            SELECT encode("bytes", 'base64') AS base64 FROM "StoredFileChunk"
             WHERE "fileId" = ${file.id} AND "index" = ${index}`;
          if (!chunk) return;
          yield Buffer.from(chunk.base64, "base64");
        }
      };
      return { info: { ...file, sha256: file.sha256 ?? "" }, stream: Readable.from(chunks()) };
    },

    async delete(kind, key) {
      const { count } = await prisma.storedFile.deleteMany({ where: { kind, key } });
      return count > 0;
    },

    async sweep(kind, olderThan) {
      const { count } = await prisma.storedFile.deleteMany({
        where: { createdAt: { lt: olderThan }, OR: [{ kind }, { completedAt: null }] },
      });
      return count;
    },
  };
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
