// The object store backend's side of lib/storage: an S3-compatible bucket (MinIO, SeaweedFS, any S3
// service) reached through @aws-sdk/client-s3. Only lib/storage calls this file; the rest of the app
// asks lib/storage for files by kind and key.
//
// What lives where: every StoredFile row (kind, key, campaign, size, sha-256, completedAt) stays in
// PostgreSQL, so queries, the upload sweep and retention work as before; only the bytes move, to one
// object per file named `<prefix><uuid>` (StoredFile.objectKey), never reused and never holding a name.
//
// How an object is never leaked, whatever crashes when:
// - Written: the row (with its objectKey, completedAt null) is committed before the first byte is sent.
//   A write killed half-way leaves no object (a multipart upload becomes an object only when completed;
//   lib-storage aborts it on error) or an object whose row is unfinished: the upload sweep deletes that
//   row, and its object goes with it as below. An unfinished row is never read.
// - Deleted: a trigger on StoredFile queues the objectKey (StoredObjectDeletion) in the same transaction
//   that deletes the row, whichever path deletes it (the store, retention, a campaign's or a photo's
//   cascade). The queue is drained (object deleted, then its entry) after the store's own deletions and
//   by `npm run cli -- retention`; a crash between the two leaves the entry, and the next drain deletes
//   the object again (deleting a missing object succeeds).
// - Written inside a transaction that then rolls back (a photo stored by the action that accepts it):
//   the row never existed, so nothing queues its object. The orphan sweep (also in `cli retention`)
//   deletes objects under the prefix older than a day that no row names.
import { randomUUID } from "node:crypto";
import type { Readable } from "node:stream";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { Reader } from "@/lib/db/client";
import { storageEnv } from "@/lib/env";
import { DAY_MS } from "@/lib/time";
import { type ObjectStoreConfig, parseObjectStoreUrl } from "./object-url";

export interface ObjectBucket {
  config: ObjectStoreConfig;
  client: S3Client;
}

/** S3's smallest multipart part: an upload keeps about one part in memory (queueSize 1). */
export const PART_BYTES = 5 * 1024 * 1024;

/** Objects younger than this are never taken for orphans: their row may be in a transaction not yet committed. */
export const ORPHAN_AGE_MS = DAY_MS;

export function objectBucket(config: ObjectStoreConfig): ObjectBucket {
  const client = new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // MinIO, SeaweedFS and s3rver are addressed by path, not by a bucket's subdomain
    forcePathStyle: true,
    // the SDK's default CRC32 checksums on every request are refused by older S3-compatible servers;
    // the store checks each file's sha-256 itself on every read
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  return { config, client };
}

const globalForObjects = globalThis as unknown as { huifangBucket?: { url: string; bucket: ObjectBucket } };

/** The bucket of HUIFANG_OBJECT_STORE_URL (one client per URL, kept on globalThis), or null when unset. */
export function configuredBucket(): ObjectBucket | null {
  const url = storageEnv().HUIFANG_OBJECT_STORE_URL;
  if (!url) return null;
  if (globalForObjects.huifangBucket?.url !== url) {
    const config = parseObjectStoreUrl(url);
    // storageEnv() has checked it already
    if ("problem" in config) throw new Error(`HUIFANG_OBJECT_STORE_URL ${config.problem}`);
    globalForObjects.huifangBucket = { url, bucket: objectBucket(config) };
  }
  return globalForObjects.huifangBucket.bucket;
}

export function newObjectKey(bucket: ObjectBucket): string {
  return `${bucket.config.prefix}${randomUUID()}`;
}

/** Streams `body` into one object: a multipart upload of PART_BYTES parts, or one PUT when smaller. */
export async function uploadObject(bucket: ObjectBucket, key: string, body: Readable, mimeType: string) {
  const upload = new Upload({
    client: bucket.client,
    params: { Bucket: bucket.config.bucket, Key: key, Body: body, ContentType: mimeType },
    partSize: PART_BYTES,
    queueSize: 1,
    // a failed upload aborts its multipart upload, so its parts are not kept (and billed) for ever
    leavePartsOnError: false,
  });
  await upload.done();
}

function isMissing(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404)
  );
}

/** Bytes `start` to `end` (exclusive) of the object, whole in one Buffer; null when the object is gone. */
export async function readObjectRange(
  bucket: ObjectBucket,
  key: string,
  start: number,
  end: number,
): Promise<Buffer | null> {
  try {
    const answer = await bucket.client.send(
      new GetObjectCommand({ Bucket: bucket.config.bucket, Key: key, Range: `bytes=${start}-${end - 1}` }),
    );
    const pieces: Buffer[] = [];
    for await (const piece of answer.Body as Readable) pieces.push(piece as Buffer);
    return Buffer.concat(pieces);
  } catch (error) {
    if (isMissing(error)) return null;
    // shorter than its row says (replaced behind the store's back): what is there ends before `start`
    if (
      error instanceof S3ServiceException &&
      (error.name === "InvalidRange" || error.$metadata.httpStatusCode === 416)
    ) {
      return Buffer.alloc(0);
    }
    throw error;
  }
}

export async function deleteObject(bucket: ObjectBucket, key: string): Promise<void> {
  // succeeds when the object is already gone: a drain cut short deletes again
  await bucket.client.send(new DeleteObjectCommand({ Bucket: bucket.config.bucket, Key: key }));
}

/** Every object under the bucket's prefix, a page (up to 1000) at a time. */
export async function* listObjects(bucket: ObjectBucket): AsyncIterable<{ key: string; lastModified: Date }[]> {
  let token: string | undefined;
  do {
    const page = await bucket.client.send(
      new ListObjectsV2Command({
        Bucket: bucket.config.bucket,
        Prefix: bucket.config.prefix,
        ContinuationToken: token,
      }),
    );
    yield (page.Contents ?? []).flatMap((object) =>
      object.Key ? [{ key: object.Key, lastModified: object.LastModified ?? new Date(0) }] : [],
    );
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
}

/**
 * Deletes the queued objects (StoredObjectDeletion), each object before its entry, `batch` entries at a
 * time until the queue is empty; returns how many. Needs committed rows: never call it inside a
 * transaction. Two instances draining at once delete some objects twice, which is harmless.
 */
export async function drainObjectDeletions(prisma: Reader, bucket: ObjectBucket, batch = 200): Promise<number> {
  let drained = 0;
  for (;;) {
    const queued = await prisma.storedObjectDeletion.findMany({
      orderBy: { queuedAt: "asc" },
      take: batch,
      select: { objectKey: true },
    });
    if (queued.length === 0) return drained;
    const keys = queued.map((entry) => entry.objectKey);
    // a key a row still names (a backup restored over a drained queue, say) keeps its object
    const named = new Set(
      (await prisma.storedFile.findMany({ where: { objectKey: { in: keys } }, select: { objectKey: true } })).map(
        (file) => file.objectKey,
      ),
    );
    for (const key of keys) {
      if (!named.has(key)) await deleteObject(bucket, key);
    }
    await prisma.storedObjectDeletion.deleteMany({ where: { objectKey: { in: keys } } });
    drained += keys.length;
  }
}

/**
 * Deletes the objects under the prefix last written before `olderThan` that no StoredFile row names
 * (written by a transaction that rolled back), or only counts them (`apply` false); returns how many.
 */
export async function sweepOrphanObjects(
  prisma: Reader,
  bucket: ObjectBucket,
  olderThan: Date,
  options: { apply: boolean },
): Promise<number> {
  let orphans = 0;
  for await (const page of listObjects(bucket)) {
    const old = page.filter((object) => object.lastModified < olderThan).map((object) => object.key);
    if (old.length === 0) continue;
    const named = new Set(
      (await prisma.storedFile.findMany({ where: { objectKey: { in: old } }, select: { objectKey: true } })).map(
        (file) => file.objectKey,
      ),
    );
    for (const key of old) {
      if (named.has(key)) continue;
      orphans += 1;
      if (options.apply) await deleteObject(bucket, key);
    }
  }
  return orphans;
}
