// The one place the app keeps files: list uploads between preview and apply, withdrawal photos, contact
// screenshots; the withdrawal bundle is streamed from the photos kept here. Each file is a StoredFile row
// in PostgreSQL (kind, key, campaign, size, sha-256), so every app instance finds what another wrote and
// retention reaches it. Its bytes are StoredFileChunk rows beside it, or, when HUIFANG_OBJECT_STORE_URL is
// set, one object in an S3-compatible store (./objects.ts says how no object is ever leaked). Writing and
// reading go piece by piece: a 50 MB file is never held whole in memory. No other module talks to either.
import { createHash, randomUUID } from "node:crypto";
import { Readable } from "node:stream";
import type pg from "pg";
import type { StoredFileKind } from "@/generated/prisma/enums";
import type { Prisma, PrismaClient, Reader } from "@/lib/db/client";
import { log } from "@/lib/log";
import { DAY_MS } from "@/lib/time";
import {
  configuredBucket,
  drainObjectDeletions,
  newObjectKey,
  type ObjectBucket,
  ORPHAN_AGE_MS,
  readObjectRange,
  sweepOrphanObjects,
  uploadObject,
} from "./objects";

export type { StoredFileKind };

/**
 * Bytes per StoredFileChunk row, and per ranged read of an object: small enough to pass through the
 * driver cheaply, few rows (or requests) per file.
 */
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
 * What the store does, whichever backend holds the bytes (`databaseStore` picks it): the callers never
 * know which.
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

export interface StoreOptions {
  /**
   * For large files written outside any transaction (list uploads) to PostgreSQL: the chunks' bytes go
   * through plain `pg` on that pool (the app's own, lib/db's `dbPool`) instead of Prisma. Prisma 6 hands
   * every query to its query compiler as JSON with its parameters, and keeps about 90 MB of recent ones
   * alive (measured: 20 MB of chunks written through Prisma left 44 MB of live heap behind, through `pg`
   * 0.2 MB); through `pg` a 50 MB upload keeps at most a chunk or two in memory.
   */
  chunkPool?: pg.Pool;
  /**
   * Where new files' bytes go: an object store's bucket, or null for StoredFileChunk rows. Unset: the
   * bucket of HUIFANG_OBJECT_STORE_URL when it is set (the app), else PostgreSQL. Tests name one.
   */
  objects?: ObjectBucket | null;
}

/**
 * The app's store on a client or inside a transaction (a photo is stored in the transaction of the
 * action that accepts it; under the embedded database a second connection would wait on it). The
 * metadata is always rows of this database; new files' bytes go to the backend of `options.objects`, and
 * every file is read from wherever its row says its bytes are, so files kept before a switch of backend
 * stay readable.
 */
export function databaseStore(prisma: Reader, options: StoreOptions = {}): FileStore {
  const bucket = options.objects === undefined ? configuredBucket() : options.objects;
  const inTransaction = !("$transaction" in prisma);
  const bucketOf = (kind: StoredFileKind, key: string): ObjectBucket => {
    if (!bucket) throw new Error(`stored file ${kind} ${key} is in the object store, but none is configured`);
    return bucket;
  };
  /**
   * Deletes the objects whose rows are gone (queued by the trigger), once those deletions are committed:
   * inside a transaction they are not yet, and the scheduled drain (`cli retention`) takes them. A
   * failure here is logged and left to the next drain: the rows are gone either way.
   */
  const drain = async () => {
    if (!bucket || inTransaction) return;
    await drainObjectDeletions(prisma, bucket).catch((error: unknown) =>
      log().warn({ err: errorName(error) }, "storage: object deletions left queued"),
    );
  };
  const chunks = chunkWriter(prisma, options.chunkPool);

  return {
    async put(options, content) {
      const objectKey = bucket ? newObjectKey(bucket) : null;
      // committed (outside a transaction) before the first byte is written: whatever happens next,
      // the sweep of unfinished files finds this row, and the trigger its object
      const file = await prisma.storedFile.create({
        data: {
          kind: options.kind,
          // a placeholder until the content is complete (and, for a hashed key, known)
          key: `writing:${randomUUID()}`,
          mimeType: options.mimeType,
          campaignId: options.campaignId ?? null,
          objectKey,
        },
        select: { id: true },
      });
      const hash = createHash("sha256");
      let size = 0;
      // every piece counted and hashed on its way in, whichever backend it goes to
      const measured = async function* () {
        for await (const piece of content) {
          size += piece.byteLength;
          if (options.maxBytes !== undefined && size > options.maxBytes) throw new FileTooLargeError(options.maxBytes);
          hash.update(piece);
          yield piece;
        }
      };
      try {
        if (bucket && objectKey) await writeObject(bucket, objectKey, options.mimeType, measured());
        else await chunks(file.id, measured());
      } catch (error) {
        await prisma.storedFile.delete({ where: { id: file.id } }).catch(() => undefined);
        await drain();
        throw error;
      }
      const sha256 = hash.digest("hex");
      const key = typeof options.key === "function" ? options.key(sha256) : options.key;
      const name = (tx: Prisma.TransactionClient) => nameFile(tx, { ...options, key }, { id: file.id, size, sha256 });
      // one transaction: two copies of one name never meet the unique index half done
      const info = inTransaction ? await name(prisma) : await (prisma as PrismaClient).$transaction(name);
      // the copy dropped for an identical one, or the file this one replaced
      await drain();
      return info;
    },

    async get(kind, key) {
      const file = await prisma.storedFile.findFirst({
        where: { kind, key, completedAt: { not: null } },
        select: { id: true, kind: true, key: true, size: true, sha256: true, mimeType: true, objectKey: true },
      });
      if (!file) return null;
      const { objectKey, ...info } = file;
      // one piece per query or ranged request, in order: the reader pulls the next only when it has
      // used the last
      const readPiece = objectKey
        ? (index: number) =>
            readObjectRange(
              bucketOf(kind, key),
              objectKey,
              index * CHUNK_BYTES,
              Math.min(file.size, (index + 1) * CHUNK_BYTES),
            )
        : async (index: number) => {
            // as base64 text: through the driver a bytea column arrives as hex and is mapped slowly
            const [chunk] = await prisma.$queryRaw<{ base64: string }[]>`
              SELECT encode("bytes", 'base64') AS base64 FROM "StoredFileChunk"
               WHERE "fileId" = ${file.id} AND "index" = ${index}`;
            return chunk ? Buffer.from(chunk.base64, "base64") : null;
          };
      const pieces = async function* () {
        const hash = createHash("sha256");
        let read = 0;
        for (let index = 0; read < file.size; index += 1) {
          const bytes = await readPiece(index);
          // deleted (or replaced) since the read began: its chunks (or its object) went with it
          if (!bytes || bytes.length === 0) break;
          read += bytes.length;
          hash.update(bytes);
          yield bytes;
        }
        if (read !== file.size || (file.sha256 !== null && hash.digest("hex") !== file.sha256)) {
          throw new StoredFileChangedError(kind, key);
        }
      };
      return { info: { ...info, sha256: info.sha256 ?? "" }, stream: Readable.from(pieces()) };
    },

    async delete(kind, key) {
      const { count } = await prisma.storedFile.deleteMany({ where: { kind, key } });
      await drain();
      return count > 0;
    },

    async sweep(kind, olderThan) {
      const { count } = await prisma.storedFile.deleteMany({ where: sweptFiles(kind, olderThan) });
      await drain();
      return count;
    },

    count(kind, olderThan) {
      return prisma.storedFile.count({ where: sweptFiles(kind, olderThan) });
    },
  };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/** Writes a file's bytes as StoredFileChunk rows of CHUNK_BYTES, through `chunkPool` when given. */
function chunkWriter(prisma: Reader, chunkPool: pg.Pool | undefined) {
  const insertChunk = async (fileId: string, index: number, bytes: Buffer) => {
    if (chunkPool) {
      await chunkPool.query(`INSERT INTO "StoredFileChunk" ("fileId", "index", "bytes") VALUES ($1, $2, $3)`, [
        fileId,
        index,
        bytes,
      ]);
      return;
    }
    await prisma.$executeRaw`
      INSERT INTO "StoredFileChunk" ("fileId", "index", "bytes") VALUES (${fileId}, ${index}, ${bytes})`;
  };
  return async (fileId: string, content: AsyncIterable<Uint8Array>) => {
    let index = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const bytes = Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await insertChunk(fileId, index, bytes);
      index += 1;
    };
    for await (const piece of content) {
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
  };
}

/**
 * Streams the content into one object. The object exists only once the upload completes (a single PUT,
 * or a multipart upload's completion); the content's own error (FileTooLargeError) is what is thrown,
 * whatever the SDK makes of the body that stopped.
 */
async function writeObject(
  bucket: ObjectBucket,
  objectKey: string,
  mimeType: string,
  content: AsyncIterable<Uint8Array>,
) {
  let failure: unknown;
  const copied = (async function* () {
    try {
      // copies: a producer may reuse its buffer once a piece is taken, and the SDK keeps a part's pieces
      for await (const piece of content) yield Buffer.from(piece);
    } catch (error) {
      failure = error;
      throw error;
    }
  })();
  try {
    await uploadObject(bucket, objectKey, Readable.from(copied), mimeType);
  } catch (error) {
    throw failure ?? error;
  }
  if (failure) throw failure;
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
 * A small file already in memory (a demo photo, a test fixture) as a nested create: one chunk in
 * PostgreSQL, complete, whichever backend is configured (the store reads it from there). Anything the
 * app receives goes through `put`, which writes to the configured backend.
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

/** What the object store's clean-up deleted (or, in a dry run, would delete). */
export interface ObjectCleanUp {
  /** objects whose rows were deleted (StoredObjectDeletion) */
  deleted: number;
  /** objects no row names, written more than a day ago by a transaction that rolled back */
  orphans: number;
}

/**
 * The object store's scheduled clean-up (`npm run cli -- retention`): the queued deletions drained and
 * the orphans older than a day deleted, or both counted (`apply` false). Null without an object store.
 */
export async function cleanUpObjects(
  prisma: PrismaClient,
  options: { now: Date; apply: boolean; objects?: ObjectBucket | null },
): Promise<ObjectCleanUp | null> {
  const bucket = options.objects === undefined ? configuredBucket() : options.objects;
  if (!bucket) return null;
  const olderThan = new Date(options.now.getTime() - ORPHAN_AGE_MS);
  const deleted = options.apply
    ? await drainObjectDeletions(prisma, bucket)
    : await prisma.storedObjectDeletion.count();
  const orphans = await sweepOrphanObjects(prisma, bucket, olderThan, { apply: options.apply });
  return { deleted, orphans };
}

/** Deletes the objects of files whose rows a transaction deleted (retention's); none without an object store. */
export async function drainDeletedObjects(prisma: PrismaClient): Promise<number> {
  const bucket = configuredBucket();
  return bucket ? drainObjectDeletions(prisma, bucket) : 0;
}
