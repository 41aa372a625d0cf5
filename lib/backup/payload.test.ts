import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { type BackupManifest, manifestLine, readManifest } from "./payload";

const MANIFEST: BackupManifest = {
  format: "rows",
  migrations: ["20261127023338_init"],
  tables: { Candidate: 2, User: 1 },
  retentionDays: 365,
};

describe("the payload", () => {
  it("gives back the manifest and the dump as written, whatever the chunks", async () => {
    const dump = Buffer.from(Array.from({ length: 5000 }, (_, i) => i % 256));
    const written = Buffer.concat([manifestLine(MANIFEST), dump]);
    // read back in chunks of 7 bytes, so the manifest's line ends inside a chunk
    const chunks = Array.from({ length: Math.ceil(written.length / 7) }, (_, i) => written.subarray(i * 7, i * 7 + 7));
    const read = await readManifest(Readable.from(chunks));
    expect(read.manifest).toEqual(MANIFEST);
    expect((await buffer(read.dump)).equals(dump)).toBe(true);
  });

  it("refuses a payload that ends before its manifest", async () => {
    await expect(readManifest(Readable.from([Buffer.from('{"format":')]))).rejects.toThrow(/manifest/);
  });
});
