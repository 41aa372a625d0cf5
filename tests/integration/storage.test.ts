import { createHash } from "node:crypto";
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { db, dbPool } from "@/lib/db";
import { sweepUploads, withUploadedList } from "@/lib/import/uploads";
import { bytesOf, CHUNK_BYTES, databaseStore, FileTooLargeError, StoredFileChangedError } from "@/lib/storage";

// lib/storage keeps files in PostgreSQL in chunks: any instance reads what another wrote, and neither
// writing nor reading a 50 MB file holds it whole in memory.

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

describe("the storage module", () => {
  it("round-trips a 50 MB file chunk by chunk, without holding it whole in memory", async () => {
    // as the upload route writes a list: chunks through plain pg, outside any transaction
    const store = databaseStore(db(), { chunkPool: dbPool() });
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
    expect(await db().storedFileChunk.count({ where: { fileId: info.id } })).toBe(SIZE / CHUNK_BYTES);

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
    // a whole copy would be 50 MB: what stays alive is a chunk or two
    expect(written.heapUsed).toBeLessThan(20);
    expect(read.heapUsed).toBeLessThan(20);
    await store.delete("LIST_UPLOAD", "round-trip.csv");
  }, 180_000);

  it("keeps nothing of a file that grows past its limit", async () => {
    const store = databaseStore(db(), { chunkPool: dbPool() });
    const files = await db().storedFile.count();
    await expect(
      store.put(
        { kind: "LIST_UPLOAD", key: "too-large.csv", mimeType: "text/csv", maxBytes: 3 * MB },
        generated(5 * MB),
      ),
    ).rejects.toBeInstanceOf(FileTooLargeError);
    expect(await db().storedFile.count()).toBe(files);
    expect(await store.get("LIST_UPLOAD", "too-large.csv")).toBeNull();
  });

  it("sweeps list uploads older than 24 hours and unfinished files, and keeps the rest", async () => {
    const store = databaseStore(db());
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
    // a write that never finished (its instance died mid-upload)
    await db().storedFile.create({
      data: { kind: "WITHDRAWAL_PHOTO", key: "writing:lost", mimeType: "image/jpeg", createdAt: hoursAgo(25) },
    });

    expect(await sweepUploads(store, now)).toBe(2);
    expect(await store.get("LIST_UPLOAD", "old.csv")).toBeNull();
    expect(await store.get("LIST_UPLOAD", "fresh.csv")).not.toBeNull();
    // a photo is kept as long as its withdrawal, whatever its age
    expect(await store.get("WITHDRAWAL_PHOTO", "old-photo")).not.toBeNull();
    expect(await db().storedFile.count({ where: { key: "writing:lost" } })).toBe(0);
  });

  it("fails a read whose file is deleted before its last chunk, instead of ending it early", async () => {
    const store = databaseStore(db(), { chunkPool: dbPool() });
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
    const store = databaseStore(db(), { chunkPool: dbPool() });
    const info = await store.put(
      { kind: "LIST_UPLOAD", key: (sha256) => `${sha256}.csv`, mimeType: "text/csv" },
      generated(2 * CHUNK_BYTES + 100),
    );
    // whole, the reader gets the file with the size and hash it was checked against
    expect(
      await withUploadedList(store, { fileHash: info.sha256, format: "csv" }, async (_, stored) => stored),
    ).toEqual(info);
    // the last chunk gone: what is left is a list with half a last row
    await db().storedFileChunk.delete({ where: { fileId_index: { fileId: info.id, index: 2 } } });
    const read = vi.fn(async () => "read");
    expect(await withUploadedList(store, { fileHash: info.sha256, format: "csv" }, read)).toBeNull();
    expect(read).not.toHaveBeenCalled();

    // same size, other bytes
    await db().storedFileChunk.update({
      where: { fileId_index: { fileId: info.id, index: 1 } },
      data: { bytes: Buffer.alloc(CHUNK_BYTES + 100) },
    });
    const stored = await store.get("LIST_UPLOAD", info.key);
    await expect(
      (async () => {
        for await (const _ of stored?.stream ?? []);
      })(),
    ).rejects.toBeInstanceOf(StoredFileChangedError);
    await store.delete("LIST_UPLOAD", info.key);
  });

  it("stores the same file uploaded twice at the same moment once, and both uploads succeed", async () => {
    const store = databaseStore(db(), { chunkPool: dbPool() });
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
      const stored = await store.get("LIST_UPLOAD", key);
      const chunks: Buffer[] = [];
      for await (const chunk of stored?.stream ?? []) chunks.push(chunk);
      expect(Buffer.concat(chunks).toString()).toBe(content);
    }
    expect(await db().storedFile.count({ where: { key: { startsWith: "writing:" } } })).toBe(0);
  });
});
