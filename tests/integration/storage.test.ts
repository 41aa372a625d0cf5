import { createHash, randomUUID } from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db, dbPool } from "@/lib/db";
import { createPrismaClient, type Reader } from "@/lib/db/client";
import { sweepUploads, withUploadedList } from "@/lib/import/uploads";
import {
  bytesOf,
  CHUNK_BYTES,
  databaseStore,
  type FileStore,
  FileTooLargeError,
  StoredFileChangedError,
  type StoreOptions,
} from "@/lib/storage";
import { drainObjectDeletions, objectBucket, sweepOrphanObjects } from "@/lib/storage/objects";
import { createCampaign } from "@/prisma/seed/factories";
import { startObjectStore, type TestObjectStore } from "@/tests/support/object-store";

// lib/storage keeps each file's metadata in PostgreSQL and its bytes in chunks beside it or in an
// S3-compatible object store. Every case runs on both backends (the object store is s3rver, started
// here): any instance reads what another wrote, neither writing nor reading a 50 MB file holds it whole
// in memory, no half-written file is ever read, and no deleted file's bytes stay behind.

const MB = 1024 * 1024;

/** `total` bytes of a repeating pattern, produced 64 KB at a time: never more than that in hand. */
async function* generated(total: number, onPiece?: () => void): AsyncIterable<Uint8Array> {
  const piece = Buffer.alloc(64 * 1024);
  for (let sent = 0; sent < total; sent += piece.length) {
    for (let i = 0; i < piece.length; i += 1) piece[i] = (sent + i) % 251;
    onPiece?.();
    yield piece.subarray(0, Math.min(piece.length, total - sent));
  }
}

// Live memory, not garbage: a collection before each sample, or the peak would measure how lazily V8
// collects the driver's short-lived copies of each chunk rather than what the store keeps.
v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

/** The peak of live heap and RSS above their level at the start, sampled every `every` calls. */
function memoryPeak(every = 16) {
  collectGarbage();
  const start = process.memoryUsage();
  const peak = { rss: start.rss, heapUsed: start.heapUsed };
  let calls = 0;
  return {
    sample() {
      calls += 1;
      if (calls % every !== 0) return;
      collectGarbage();
      const now = process.memoryUsage();
      peak.rss = Math.max(peak.rss, now.rss);
      peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    },
    growthMb: () => ({ rss: (peak.rss - start.rss) / MB, heapUsed: (peak.heapUsed - start.heapUsed) / MB }),
  };
}

/** One backend under test: a store on it, and what the tests check and break behind the store's back. */
interface Backend {
  store(options?: Pick<StoreOptions, "chunkPool">): FileStore;
  /** a store on a client or inside a transaction */
  storeOn(prisma: Reader): FileStore;
  /** a store on another client of the same database (and bucket): a second app instance */
  otherInstance(): { store: FileStore; close(): Promise<void> };
  /** the pieces of bytes kept: chunk rows, or objects in the bucket */
  piecesHeld(): Promise<number>;
  /** the scheduled clean-up (`cli retention`): queued object deletions and old orphans */
  cleanUp(orphansBefore?: Date): Promise<void>;
  /** the file's bytes replaced behind the store's back: its first `keep` bytes, then `tail` */
  tamper(fileId: string, keep: number, tail: Buffer): Promise<void>;
  /** a file as an instance that died after writing its bytes, before naming it, leaves it */
  leftByACrash(key: string, createdAt: Date): Promise<string>;
  close(): Promise<void>;
}

async function postgresBackend(): Promise<Backend> {
  return {
    store: (options = {}) => databaseStore(db(), { ...options, objects: null }),
    storeOn: (prisma) => databaseStore(prisma, { objects: null }),
    otherInstance() {
      const other = createPrismaClient(process.env.DATABASE_URL as string, { poolSize: 2 });
      return { store: databaseStore(other, { objects: null }), close: () => other.$disconnect() };
    },
    piecesHeld: () => db().storedFileChunk.count(),
    async cleanUp() {},
    async tamper(fileId, keep, tail) {
      const chunks = await db().storedFileChunk.findMany({ where: { fileId }, orderBy: { index: "asc" } });
      const bytes = Buffer.concat([...chunks.map((chunk) => Buffer.from(chunk.bytes)).values()]).subarray(0, keep);
      await db().storedFileChunk.deleteMany({ where: { fileId } });
      const whole = Buffer.concat([bytes, tail]);
      for (let index = 0; index * CHUNK_BYTES < whole.length; index += 1) {
        await db().storedFileChunk.create({
          data: { fileId, index, bytes: whole.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES) },
        });
      }
    },
    async leftByACrash(key, createdAt) {
      const file = await db().storedFile.create({
        data: {
          kind: "LIST_UPLOAD",
          key,
          mimeType: "text/csv",
          createdAt,
          chunks: { create: { index: 0, bytes: Buffer.from("a,b") } },
        },
      });
      return file.id;
    },
    async close() {},
  };
}

async function objectStoreBackend(): Promise<Backend> {
  const server: TestObjectStore = await startObjectStore();
  const objectKeyOf = async (fileId: string) =>
    (await db().storedFile.findUniqueOrThrow({ where: { id: fileId } })).objectKey as string;
  return {
    store: (options = {}) => databaseStore(db(), { ...options, objects: server.bucket }),
    storeOn: (prisma) => databaseStore(prisma, { objects: server.bucket }),
    otherInstance() {
      const other = createPrismaClient(process.env.DATABASE_URL as string, { poolSize: 2 });
      // its own S3 client too, as another machine would have
      const bucket = objectBucket(server.bucket.config);
      return {
        store: databaseStore(other, { objects: bucket }),
        close: async () => {
          bucket.client.destroy();
          await other.$disconnect();
        },
      };
    },
    piecesHeld: () => server.objectCount(),
    async cleanUp(orphansBefore = new Date()) {
      await drainObjectDeletions(db(), server.bucket);
      await sweepOrphanObjects(db(), server.bucket, orphansBefore, { apply: true });
    },
    async tamper(fileId, keep, tail) {
      const key = await objectKeyOf(fileId);
      const { readObjectRange } = await import("@/lib/storage/objects");
      const head = (await readObjectRange(server.bucket, key, 0, keep)) ?? Buffer.alloc(0);
      await server.putRaw(key, Buffer.concat([head.subarray(0, keep), tail]));
    },
    async leftByACrash(key, createdAt) {
      const objectKey = `${server.bucket.config.prefix}crashed-${key}`;
      await server.putRaw(objectKey, Buffer.from("a,b"));
      const file = await db().storedFile.create({
        data: { kind: "LIST_UPLOAD", key, mimeType: "text/csv", createdAt, objectKey },
      });
      return file.id;
    },
    close: () => server.close(),
  };
}

async function readAll(store: FileStore, kind: "LIST_UPLOAD" | "WITHDRAWAL_PHOTO", key: string) {
  const stored = await store.get(kind, key);
  if (!stored) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stored.stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe.each([
  { name: "PostgreSQL", start: postgresBackend },
  { name: "an S3-compatible object store (s3rver)", start: objectStoreBackend },
])("the storage module on $name", ({ start }) => {
  // a backend that cannot start fails every case here: none is ever skipped
  let backend: Backend;
  beforeAll(async () => {
    backend = await start();
  });
  afterAll(async () => {
    await backend?.close();
  });

  it("round-trips a 50 MB file piece by piece, without holding it whole in memory", async () => {
    // as the upload route writes a list: outside any transaction (PostgreSQL: chunks through plain pg)
    const store = backend.store({ chunkPool: dbPool() });
    const SIZE = 50 * MB;
    const expected = createHash("sha256");
    for await (const piece of generated(SIZE)) expected.update(piece);

    const writing = memoryPeak();
    const info = await store.put(
      { kind: "LIST_UPLOAD", key: "round-trip.csv", mimeType: "text/csv" },
      generated(SIZE, writing.sample),
    );
    const written = writing.growthMb();
    expect(info).toMatchObject({ size: SIZE, sha256: expected.digest("hex") });

    const reading = memoryPeak(1);
    const stored = await store.get("LIST_UPLOAD", "round-trip.csv");
    const actual = createHash("sha256");
    let size = 0;
    for await (const chunk of stored?.stream ?? []) {
      reading.sample();
      actual.update(chunk);
      size += chunk.length;
    }
    const read = reading.growthMb();
    expect(size).toBe(SIZE);
    expect(actual.digest("hex")).toBe(info.sha256);
    console.log(
      `storage 50 MB: write grew rss ${written.rss.toFixed(1)} MB, heap ${written.heapUsed.toFixed(1)} MB; read grew rss ${read.rss.toFixed(1)} MB, heap ${read.heapUsed.toFixed(1)} MB`,
    );
    // a whole copy would be 50 MB: what stays alive is a chunk or two (an upload part of 5 MB)
    expect(written.heapUsed).toBeLessThan(20);
    expect(read.heapUsed).toBeLessThan(20);
    await store.delete("LIST_UPLOAD", "round-trip.csv");
    expect(await backend.piecesHeld()).toBe(0);
  }, 180_000);

  it("keeps nothing of a file that grows past its limit", async () => {
    const store = backend.store({ chunkPool: dbPool() });
    const files = await db().storedFile.count();
    const held = await backend.piecesHeld();
    await expect(
      store.put(
        { kind: "LIST_UPLOAD", key: "too-large.csv", mimeType: "text/csv", maxBytes: 7 * MB },
        generated(12 * MB),
      ),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await db().storedFile.count()).toBe(files);
    expect(await store.get("LIST_UPLOAD", "too-large.csv")).toBeNull();
    expect(await backend.piecesHeld()).toBe(held);
  }, 60_000);

  it("never shows a write broken off half-way, and keeps nothing of it", async () => {
    const store = backend.store({ chunkPool: dbPool() });
    const held = await backend.piecesHeld();
    // the sender goes away after 6 MB: more than one upload part and many chunks are written
    async function* brokenOff() {
      yield* generated(6 * MB);
      throw new Error("connection reset");
    }
    const writing = store.put({ kind: "LIST_UPLOAD", key: "broken.csv", mimeType: "text/csv" }, brokenOff());
    await expect(writing).rejects.toThrow("connection reset");
    expect(await store.get("LIST_UPLOAD", "broken.csv")).toBeNull();
    expect(await db().storedFile.count({ where: { key: { startsWith: "writing:" } } })).toBe(0);
    expect(await backend.piecesHeld()).toBe(held);
  }, 60_000);

  it("never reads a file still being written, and sweeps one whose instance died", async () => {
    const store = backend.store();
    // an upload under way: its row exists, unfinished, and no read finds it
    let release: () => void = () => {};
    const paused = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slow() {
      yield Buffer.from("first half,");
      await paused;
      yield Buffer.from("second half");
    }
    const writing = store.put({ kind: "LIST_UPLOAD", key: "slow.csv", mimeType: "text/csv" }, slow());
    await vi.waitFor(async () =>
      expect(await db().storedFile.count({ where: { key: { startsWith: "writing:" } } })).toBe(1),
    );
    expect(await store.get("LIST_UPLOAD", "slow.csv")).toBeNull();
    release();
    await writing;
    expect((await readAll(store, "LIST_UPLOAD", "slow.csv"))?.toString()).toBe("first half,second half");
    await store.delete("LIST_UPLOAD", "slow.csv");

    // the instance died after its bytes were written, before the file was named: never read, swept
    const held = await backend.piecesHeld();
    const lost = await backend.leftByACrash("writing:crashed", new Date(Date.now() - 25 * 3_600_000));
    expect(await backend.piecesHeld()).toBe(held + 1);
    expect(await store.get("LIST_UPLOAD", "writing:crashed")).toBeNull();
    expect(await sweepUploads(store, new Date())).toBe(1);
    expect(await db().storedFile.count({ where: { id: lost } })).toBe(0);
    expect(await backend.piecesHeld()).toBe(held);
  });

  it("sweeps list uploads older than 24 hours and unfinished files, and keeps the rest", async () => {
    const store = backend.store();
    const now = new Date();
    const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3_600_000);
    for (const key of ["old.csv", "fresh.csv"]) {
      await store.put({ kind: "LIST_UPLOAD", key, mimeType: "text/csv" }, bytesOf(Buffer.from(key)));
    }
    await store.put(
      { kind: "WITHDRAWAL_PHOTO", key: "old-photo", mimeType: "image/jpeg" },
      bytesOf(Buffer.from("jpg")),
    );
    await db().storedFile.updateMany({
      where: { key: { in: ["old.csv", "old-photo"] } },
      data: { createdAt: hoursAgo(25) },
    });
    // a write that never finished (its instance died mid-upload, before a byte arrived)
    await db().storedFile.create({
      data: { kind: "WITHDRAWAL_PHOTO", key: "writing:lost", mimeType: "image/jpeg", createdAt: hoursAgo(25) },
    });
    const held = await backend.piecesHeld();

    expect(await sweepUploads(store, now)).toBe(2);
    expect(await store.get("LIST_UPLOAD", "old.csv")).toBeNull();
    expect(await store.get("LIST_UPLOAD", "fresh.csv")).not.toBeNull();
    // a photo is kept as long as its withdrawal, whatever its age
    expect(await store.get("WITHDRAWAL_PHOTO", "old-photo")).not.toBeNull();
    expect(await db().storedFile.count({ where: { key: "writing:lost" } })).toBe(0);
    // the swept file's bytes went with it
    expect(await backend.piecesHeld()).toBe(held - 1);
    await store.delete("LIST_UPLOAD", "fresh.csv");
    await store.delete("WITHDRAWAL_PHOTO", "old-photo");
  });

  it("deletes a file's bytes whichever way its row goes, even when the deleting process dies before them", async () => {
    const store = backend.store();
    const held = await backend.piecesHeld();
    const campaign = await createCampaign(db(), { now: new Date(), name: `存储测试 ${randomUUID()}` });
    for (const key of ["a", "b", "c"]) {
      await store.put(
        { kind: "WITHDRAWAL_PHOTO", key: `cascade/${key}`, mimeType: "image/jpeg", campaignId: campaign.id },
        bytesOf(Buffer.from(`photo ${key}`)),
      );
    }
    expect(await backend.piecesHeld()).toBe(held + 3);
    // not through the store: a campaign's cascade, as retention or an admin's deletion does it. The
    // process "dies" here, before anything deletes the bytes: they are queued, not forgotten
    await db().campaign.delete({ where: { id: campaign.id } });
    expect(await db().storedFile.count({ where: { key: { startsWith: "cascade/" } } })).toBe(0);
    // the scheduled clean-up, twice (a drain cut short runs again)
    await backend.cleanUp(new Date(0));
    await backend.cleanUp(new Date(0));
    expect(await backend.piecesHeld()).toBe(held);
    expect(await db().storedObjectDeletion.count()).toBe(0);
  });

  it("keeps nothing of a file written in a transaction that rolled back, and nothing a row names is taken", async () => {
    const kept = await backend
      .store()
      .put({ kind: "WITHDRAWAL_PHOTO", key: "committed", mimeType: "image/jpeg" }, bytesOf(Buffer.from("kept")));
    const held = await backend.piecesHeld();
    // as the withdrawal action stores a photo in its transaction, and then fails
    await expect(
      db().$transaction(async (tx) => {
        await backend
          .storeOn(tx)
          .put({ kind: "WITHDRAWAL_PHOTO", key: "rolled-back", mimeType: "image/jpeg" }, bytesOf(Buffer.from("x")));
        throw new Error("the action failed after storing its photo");
      }),
    ).rejects.toThrow("the action failed");
    expect(await backend.storeOn(db()).get("WITHDRAWAL_PHOTO", "rolled-back")).toBeNull();
    // the scheduled clean-up a day later: the orphan goes, the file a row names stays
    await backend.cleanUp(new Date(Date.now() + 1000));
    expect(await backend.piecesHeld()).toBe(held);
    expect((await readAll(backend.store(), "WITHDRAWAL_PHOTO", "committed"))?.toString()).toBe("kept");
    await backend.store().delete("WITHDRAWAL_PHOTO", kept.key);
  });

  it("fails a read whose file is deleted before its last piece, instead of ending it early", async () => {
    const store = backend.store({ chunkPool: dbPool() });
    await store.put({ kind: "LIST_UPLOAD", key: "cut.csv", mimeType: "text/csv" }, generated(3 * CHUNK_BYTES));
    const stored = await store.get("LIST_UPLOAD", "cut.csv");
    const reader = stored?.stream[Symbol.asyncIterator]();
    expect((await reader?.next())?.value).toHaveLength(CHUNK_BYTES);
    // another upload's sweep, an apply, a refused post: the key goes while this read is under way
    await store.delete("LIST_UPLOAD", "cut.csv");
    await expect(
      (async () => {
        for (let step = await reader?.next(); step && !step.done; step = await reader?.next());
      })(),
    ).rejects.toBeInstanceOf(StoredFileChangedError);
  });

  it("fails a read whose bytes are not the stored size and hash, and the import finds no upload", async () => {
    const store = backend.store({ chunkPool: dbPool() });
    const SIZE = 2 * CHUNK_BYTES + 100;
    const info = await store.put(
      { kind: "LIST_UPLOAD", key: (sha256) => `${sha256}.csv`, mimeType: "text/csv" },
      generated(SIZE),
    );
    // whole, the reader gets the file with the size and hash it was checked against
    expect(
      await withUploadedList(store, { fileHash: info.sha256, format: "csv" }, async (_, stored) => stored),
    ).toEqual(info);
    // the last piece gone: what is left is a list with half a last row
    await backend.tamper(info.id, 2 * CHUNK_BYTES, Buffer.alloc(0));
    const read = vi.fn(async () => "read");
    expect(await withUploadedList(store, { fileHash: info.sha256, format: "csv" }, read)).toBeNull();
    expect(read).not.toHaveBeenCalled();

    // same size, other bytes
    await backend.tamper(info.id, CHUNK_BYTES, Buffer.alloc(CHUNK_BYTES + 100));
    const stored = await store.get("LIST_UPLOAD", info.key);
    await expect(
      (async () => {
        for await (const _ of stored?.stream ?? []);
      })(),
    ).rejects.toBeInstanceOf(StoredFileChangedError);
    await store.delete("LIST_UPLOAD", info.key);
  });

  it("stores the same file uploaded twice at the same moment once, and both uploads succeed", async () => {
    const store = backend.store({ chunkPool: dbPool() });
    const held = await backend.piecesHeld();
    const put = (content: string) =>
      store.put(
        { kind: "LIST_UPLOAD", key: (sha256) => `${sha256}.csv`, mimeType: "text/csv" },
        bytesOf(Buffer.from(content)),
      );
    const contents = Array.from({ length: 6 }, (_, i) => `twice ${i}`);
    const results = await Promise.allSettled(contents.flatMap((content) => [put(content), put(content)]));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    for (const content of contents) {
      const key = `${createHash("sha256").update(content).digest("hex")}.csv`;
      expect(await db().storedFile.count({ where: { kind: "LIST_UPLOAD", key } })).toBe(1);
      expect((await readAll(store, "LIST_UPLOAD", key))?.toString()).toBe(content);
    }
    expect(await db().storedFile.count({ where: { key: { startsWith: "writing:" } } })).toBe(0);
    // the dropped copies' bytes are gone too
    await backend.cleanUp(new Date(0));
    expect(await backend.piecesHeld()).toBe(held + contents.length);
    await db().storedFile.deleteMany({ where: { kind: "LIST_UPLOAD" } });
    await backend.cleanUp(new Date(0));
    expect(await backend.piecesHeld()).toBe(held);
  });

  it("lets a second instance on the same database read, replace and delete what the first wrote", async () => {
    const first = backend.store();
    const second = backend.otherInstance();
    try {
      await first.put({ kind: "WITHDRAWAL_PHOTO", key: "shared", mimeType: "image/jpeg" }, bytesOf(Buffer.from("one")));
      expect((await readAll(second.store, "WITHDRAWAL_PHOTO", "shared"))?.toString()).toBe("one");
      await second.store.put(
        { kind: "WITHDRAWAL_PHOTO", key: "shared", mimeType: "image/jpeg" },
        bytesOf(Buffer.from("two")),
      );
      expect((await readAll(first, "WITHDRAWAL_PHOTO", "shared"))?.toString()).toBe("two");
      expect(await second.store.delete("WITHDRAWAL_PHOTO", "shared")).toBe(true);
      expect(await first.get("WITHDRAWAL_PHOTO", "shared")).toBeNull();
    } finally {
      await second.close();
    }
  });
});
