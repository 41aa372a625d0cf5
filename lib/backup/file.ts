// The backup file: a small header in the clear, then the backup encrypted with AES-256-GCM under a key
// derived from a passphrase (docs/reliability.md #28: a backup holds every candidate's phone number).
//
//   "HFBACKUP"  8 bytes, what the file is
//   version     1 byte (1)
//   length      4 bytes, big-endian: the header's length
//   header      JSON: what made it and when, scrypt's salt and costs, the cipher's IV, a key check
//   ciphertext  the backup (its payload, lib/backup/payload.ts)
//   tag         16 bytes: GCM's authentication tag over the ciphertext, with all that precedes it as AAD
//
// The header is authenticated with the rest, so its date (which --prune reads without the passphrase) or
// its kind cannot be changed unnoticed. The key check tells a wrong passphrase from a damaged file before
// anything is decrypted; it is derived from scrypt's output as the key is, so it helps a guesser no more
// than the ciphertext itself does.
import { createCipheriv, createDecipheriv, createHash, randomBytes, scrypt, timingSafeEqual } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { open, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

const MAGIC = Buffer.from("HFBACKUP", "ascii");
const FORMAT_VERSION = 1;
const TAG_BYTES = 16;
const PREFIX_BYTES = MAGIC.length + 1 + 4;
/** A header is a few hundred bytes; anything larger is not ours. */
const MAX_HEADER_BYTES = 64 * 1024;

/** scrypt's costs: 32 MiB and about 0.1 s per derivation here, OWASP's minimum being N=2^17 r=8 for passwords stored online. */
export const SCRYPT_COSTS = { N: 2 ** 15, r: 8, p: 1 } as const;

export type BackupKind = "server" | "embedded";

/** What the header says in the clear. */
export interface BackupHeader {
  kind: BackupKind;
  /** ISO time the backup was taken */
  createdAt: string;
  /** the app's version that took it (package.json) */
  appVersion: string;
  kdf: { name: "scrypt"; N: number; r: number; p: number; salt: string };
  cipher: { name: "aes-256-gcm"; iv: string };
  /** base64 of the first 16 bytes of sha256 over the derived check key */
  keyCheck: string;
}

export class BackupFileError extends Error {
  constructor(
    readonly reason: "notBackup" | "wrongPassphrase" | "damaged",
    message: string,
  ) {
    super(message);
  }
}

async function deriveKeys(passphrase: string, salt: Buffer, costs: { N: number; r: number; p: number }) {
  const derived = await new Promise<Buffer>((resolve, reject) =>
    scrypt(passphrase.normalize("NFC"), salt, 64, { ...costs, maxmem: 256 * costs.N * costs.r }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
  const key = derived.subarray(0, 32);
  const check = createHash("sha256").update(derived.subarray(32)).digest().subarray(0, 16);
  return { key, check };
}

function encodePrefix(header: BackupHeader): Buffer {
  const json = Buffer.from(JSON.stringify(header), "utf8");
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix, 0);
  prefix.writeUInt8(FORMAT_VERSION, MAGIC.length);
  prefix.writeUInt32BE(json.length, MAGIC.length + 1);
  return Buffer.concat([prefix, json]);
}

/**
 * Writes `payload` encrypted to `file`, mode 0600 from its creation. It is written beside the file under a
 * temporary name and renamed once complete and flushed, so a backup that fails half-way leaves no file
 * that looks whole. Refuses to replace an existing file.
 */
export async function writeBackupFile(
  file: string,
  fields: Pick<BackupHeader, "kind" | "createdAt" | "appVersion">,
  passphrase: string,
  payload: Readable,
): Promise<{ bytes: number }> {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const { key, check } = await deriveKeys(passphrase, salt, SCRYPT_COSTS);
  const header: BackupHeader = {
    ...fields,
    kdf: { name: "scrypt", ...SCRYPT_COSTS, salt: salt.toString("base64") },
    cipher: { name: "aes-256-gcm", iv: iv.toString("base64") },
    keyCheck: check.toString("base64"),
  };
  const prefix = encodePrefix(header);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(prefix);

  const partial = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString("hex")}.partial`);
  // "wx": never through an existing file or link; 0600: readable by this user only, from the first byte
  const handle = await open(partial, "wx", 0o600);
  try {
    const out = createWriteStream("", { fd: handle.fd, autoClose: false });
    out.write(prefix);
    await pipeline(payload, cipher, out, { end: false });
    await new Promise<void>((resolve, reject) => out.write(cipher.getAuthTag(), (e) => (e ? reject(e) : resolve())));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(partial, { force: true });
    throw error;
  }
  await handle.close();
  try {
    // link + unlink would refuse an existing file atomically; checking first is enough for one operator
    await stat(file).then(
      () => {
        throw Object.assign(new Error(`${file} exists`), { code: "EEXIST" });
      },
      (error: NodeJS.ErrnoException) => {
        if (error.code !== "ENOENT") throw error;
      },
    );
    await rename(partial, file);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { bytes: (await stat(file)).size };
}

/** The header of a backup file, read without the passphrase; null when the file is not a backup. */
export async function readBackupHeader(file: string): Promise<{ header: BackupHeader; prefixBytes: number } | null> {
  const handle = await open(file, "r");
  try {
    const prefix = Buffer.alloc(PREFIX_BYTES);
    const { bytesRead } = await handle.read(prefix, 0, PREFIX_BYTES, 0);
    if (bytesRead < PREFIX_BYTES || !prefix.subarray(0, MAGIC.length).equals(MAGIC)) return null;
    if (prefix.readUInt8(MAGIC.length) !== FORMAT_VERSION) return null;
    const length = prefix.readUInt32BE(MAGIC.length + 1);
    if (length > MAX_HEADER_BYTES) return null;
    const json = Buffer.alloc(length);
    const read = await handle.read(json, 0, length, PREFIX_BYTES);
    if (read.bytesRead < length) return null;
    const header = JSON.parse(json.toString("utf8")) as BackupHeader;
    if (header.kdf?.name !== "scrypt" || header.cipher?.name !== "aes-256-gcm") return null;
    return { header, prefixBytes: PREFIX_BYTES + length };
  } catch (error) {
    if (error instanceof SyntaxError) return null;
    throw error;
  } finally {
    await handle.close();
  }
}

/**
 * An opened backup: its header, and its payload decrypted as a stream. The stream fails at its end when
 * the tag does not match, so a reader that acts on the payload must first `verify()`, which decrypts the
 * whole file once and throws BackupFileError("damaged") on any change: nothing is restored from a file
 * that was not checked to its last byte.
 */
export interface OpenedBackup {
  header: BackupHeader;
  verify(): Promise<void>;
  payload(): Readable;
}

export async function openBackupFile(file: string, passphrase: string): Promise<OpenedBackup> {
  const found = await readBackupHeader(file);
  if (!found) throw new BackupFileError("notBackup", `${file} is not a Huifang backup`);
  const { header, prefixBytes } = found;
  const size = (await stat(file)).size;
  if (size < prefixBytes + TAG_BYTES) throw new BackupFileError("damaged", `${file} is cut short`);
  const salt = Buffer.from(header.kdf.salt, "base64");
  const { key, check } = await deriveKeys(passphrase, salt, header.kdf);
  const expected = Buffer.from(header.keyCheck, "base64");
  if (expected.length !== check.length || !timingSafeEqual(expected, check)) {
    throw new BackupFileError("wrongPassphrase", "the passphrase does not open this backup");
  }
  const handle = await open(file, "r");
  const tag = Buffer.alloc(TAG_BYTES);
  await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  const prefix = Buffer.alloc(prefixBytes);
  await handle.read(prefix, 0, prefixBytes, 0);
  await handle.close();

  const decrypted = (): Readable => {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(header.cipher.iv, "base64"));
    decipher.setAAD(prefix);
    decipher.setAuthTag(tag);
    // the decipher by hand, so a tag that does not match fails the stream as BackupFileError("damaged")
    const decrypting = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, decipher.update(chunk));
      },
      flush(done) {
        try {
          done(null, decipher.final());
        } catch {
          done(new BackupFileError("damaged", "the backup was changed or damaged after it was written"));
        }
      },
    });
    const source: Readable =
      size - TAG_BYTES > prefixBytes
        ? createReadStream(file, { start: prefixBytes, end: size - TAG_BYTES - 1 })
        : Readable.from([]);
    source.on("error", (error: Error) => decrypting.destroy(error));
    return source.pipe(decrypting);
  };

  return {
    header,
    async verify() {
      const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
      try {
        await pipeline(decrypted(), discard);
      } catch (error) {
        if (error instanceof BackupFileError) throw error;
        throw new BackupFileError("damaged", error instanceof Error ? error.message : String(error));
      }
    },
    payload: decrypted,
  };
}
