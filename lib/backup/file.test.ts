import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { text as streamText } from "node:stream/consumers";
import { beforeEach, describe, expect, it } from "vitest";
import { BackupFileError, openBackupFile, readBackupHeader, writeBackupFile } from "./file";

const FIELDS = { kind: "server", createdAt: "2026-12-02T01:00:00.000Z", appVersion: "0.1.0" } as const;
const PASSPHRASE = "correct horse battery staple 回访";

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), "huifang-backup-file-"));
});

async function written(content: Buffer | string = "manifest\nthe backup's bytes") {
  const file = path.join(folder, "backup.hfb");
  await writeBackupFile(file, FIELDS, PASSPHRASE, Readable.from([Buffer.from(content)]));
  return file;
}

/** The file with one byte flipped at `offset` (negative: from the end). */
function flipped(file: string, offset: number) {
  const bytes = readFileSync(file);
  const at = offset < 0 ? bytes.length + offset : offset;
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  const copy = path.join(folder, `flipped-${at}.hfb`);
  writeFileSync(copy, bytes);
  return copy;
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupFileError);
  return (error as BackupFileError).reason;
}

describe("the backup file", () => {
  it("gives back what was written, with the passphrase", async () => {
    const payload = randomBytes(300_000);
    const file = await written(payload);
    const opened = await openBackupFile(file, PASSPHRASE);
    expect(opened.header).toMatchObject(FIELDS);
    await opened.verify();
    const chunks: Buffer[] = [];
    for await (const chunk of opened.payload()) chunks.push(chunk as Buffer);
    expect(Buffer.concat(chunks).equals(payload)).toBe(true);
  });

  it("is readable by its owner only, and holds none of its content in the clear", async () => {
    const file = await written("13800138000 张三");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const bytes = readFileSync(file);
    expect(bytes.includes(Buffer.from("13800138000"))).toBe(false);
    expect(bytes.includes(Buffer.from("张三"))).toBe(false);
    // no partial file left beside it
    expect(readdirSync(folder)).toEqual(["backup.hfb"]);
  });

  it("uses a fresh salt and IV each time: the same content twice gives two different files", async () => {
    const first = await written("same");
    const second = path.join(folder, "second.hfb");
    await writeBackupFile(second, FIELDS, PASSPHRASE, Readable.from([Buffer.from("same")]));
    expect(readFileSync(first).equals(readFileSync(second))).toBe(false);
    const [a, b] = [await readBackupHeader(first), await readBackupHeader(second)];
    expect(a?.header.kdf.salt).not.toBe(b?.header.kdf.salt);
    expect(a?.header.cipher.iv).not.toBe(b?.header.cipher.iv);
  });

  it("tells a wrong passphrase before decrypting anything", async () => {
    const file = await written();
    expect(await failure(openBackupFile(file, "wrong passphrase"))).toBe("wrongPassphrase");
  });

  it.each([
    { where: "in the ciphertext", offset: -20 },
    { where: "in the tag", offset: -1 },
  ])("finds a byte changed $where when it is verified, and when it is read to the end", async ({ offset }) => {
    const file = flipped(await written("x".repeat(1000)), offset);
    const opened = await openBackupFile(file, PASSPHRASE);
    expect(await failure(opened.verify())).toBe("damaged");
    expect(await failure(streamText(opened.payload()))).toBe("damaged");
  });

  it("finds a changed header (its date, which --prune reads), though the header is in the clear", async () => {
    const file = await written();
    const bytes = readFileSync(file);
    const changed = Buffer.from(bytes.toString("latin1").replace("2026-12-02", "2026-12-09"), "latin1");
    const copy = path.join(folder, "redated.hfb");
    writeFileSync(copy, changed);
    expect((await readBackupHeader(copy))?.header.createdAt).toBe("2026-12-09T01:00:00.000Z");
    expect(await failure((await openBackupFile(copy, PASSPHRASE)).verify())).toBe("damaged");
  });

  it("finds a file cut short", async () => {
    const file = await written("y".repeat(1000));
    const bytes = readFileSync(file);
    const cut = path.join(folder, "cut.hfb");
    writeFileSync(cut, bytes.subarray(0, bytes.length - 100));
    expect(await failure((await openBackupFile(cut, PASSPHRASE)).verify())).toBe("damaged");
  });

  it("knows a file that is not a backup", async () => {
    const other = path.join(folder, "notes.txt");
    writeFileSync(other, "not a backup at all");
    expect(await readBackupHeader(other)).toBeNull();
    expect(await failure(openBackupFile(other, PASSPHRASE))).toBe("notBackup");
  });

  it("never replaces an existing file", async () => {
    const file = await written();
    const before = readFileSync(file);
    await expect(
      writeBackupFile(file, FIELDS, PASSPHRASE, Readable.from([Buffer.from("other")])),
    ).rejects.toMatchObject({ code: "EEXIST" });
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(folder)).toEqual(["backup.hfb"]);
  });
});
