// `npm run cli -- backup <file> [--prune]` and `npm run cli -- restore <file> [--replace]` (README "Backup
// and restore"): the database the app uses (DATABASE_URL, else the embedded one in HUIFANG_DATA_DIR) into
// a file encrypted with HUIFANG_BACKUP_PASSPHRASE, and back. Exit 0 done, 2 refused with one line (nothing
// changed), 1 failed (nothing changed either: the file is written whole or not at all, a restore is one
// transaction or a folder swapped in once complete).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { objectStoreFiles, withClient } from "@/lib/backup/database";
import { BackupFileError, type BackupKind, openBackupFile, readBackupHeader, writeBackupFile } from "@/lib/backup/file";
import type { BackupManifest } from "@/lib/backup/payload";
import { readManifest } from "@/lib/backup/payload";
import { chooseTools, clientPackage, findTools, type PgTools, serverMajor, toolFolders } from "@/lib/backup/pg-tools";
import { pruneBackups } from "@/lib/backup/prune";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText, type Text, text } from "@/lib/i18n/text";
import { describeObjectStore, parseObjectStoreUrl } from "@/lib/storage/object-url";
import { beijingDateTime, beijingDay } from "@/lib/time";
import packageJson from "@/package.json";

// the command line speaks Chinese, as the college's data team does
const t = translatorFor("zh-CN");
const say = (sentence: Text) => renderText(t, sentence);

/** A passphrase shorter than this is refused: the file's only protection once it leaves the machine. */
export const MIN_PASSPHRASE_LENGTH = 12;

const ROOT = path.resolve(import.meta.dirname, "..", "..");

class Refusal extends Error {
  constructor(readonly sentence: Text) {
    super(sentence.key);
  }
}

function refuse(sentence: Text): never {
  throw new Refusal(sentence);
}

/** Runs a command's body: a refusal is one line and exit 2, anything else one line and exit 1. */
async function runCommand(body: () => Promise<void>, failure: "backup.cli.failed" | "backup.cli.backupFailed") {
  try {
    await body();
    return 0;
  } catch (error) {
    if (error instanceof Refusal) {
      console.error(say(error.sentence));
      return 2;
    }
    const { ToolFailedError } = await import("@/lib/backup/server");
    if (error instanceof ToolFailedError) {
      console.error(say(text("backup.cli.toolFailed", { tool: error.tool, detail: error.detail })));
      return 1;
    }
    console.error(say(text(failure, { detail: error instanceof Error ? error.message : String(error) })));
    return 1;
  }
}

function parse(args: string[], flag: "prune" | "replace") {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { [flag]: { type: "boolean", default: false } },
    });
    return positionals.length === 1 && positionals[0] ? { file: positionals[0], flag: values[flag] === true } : null;
  } catch {
    return null;
  }
}

function passphrase(): string {
  const value = process.env.HUIFANG_BACKUP_PASSPHRASE;
  if (!value) refuse(text("backup.cli.noPassphrase"));
  return value;
}

function dataDir(): string {
  return process.env.HUIFANG_DATA_DIR || ".data";
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((total, n) => total + n, 0);

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** pg_dump and pg_restore of the server's version or newer, or the one line that names the package. */
async function serverTools(url: string): Promise<PgTools> {
  const { serverVersion } = await import("@/lib/backup/server");
  const version = await serverVersion(url).catch((error: unknown) =>
    refuse(text("backup.cli.databaseUnreachable", { detail: error instanceof Error ? error.message : String(error) })),
  );
  const major = serverMajor(version);
  const found = await findTools(await toolFolders());
  const chosen = chooseTools(found, major);
  if (chosen) return chosen;
  const newest = [...found].sort((a, b) => b.major - a.major)[0];
  const pkg = clientPackage(major);
  refuse(
    newest
      ? text("backup.cli.toolsOld", { found: newest.major, major, package: pkg })
      : text("backup.cli.toolsMissing", { major, package: pkg }),
  );
}

/** The embedded database to read: the running app's, over its port, or the folder opened here. */
async function openEmbeddedForBackup(): Promise<{ url: string; close: () => Promise<void> }> {
  const { embeddedDatabaseExists, embeddedHolder, embeddedUrl, listeningPortOf } = await import(
    "@/lib/backup/embedded"
  );
  const folder = path.resolve(dataDir());
  const holder = embeddedHolder(folder);
  if (holder) {
    const fixed = Number(process.env.HUIFANG_EMBEDDED_DB_PORT || 0);
    const port = fixed > 0 ? fixed : await listeningPortOf(holder);
    if (!port) refuse(text("backup.cli.embeddedPortUnknown", { pid: holder }));
    return { url: embeddedUrl(port), close: async () => {} };
  }
  if (!(await embeddedDatabaseExists(folder))) refuse(text("backup.cli.embeddedMissing", { folder }));
  const { EmbeddedDatabaseInUseError, startEmbeddedDatabase } = await import("@/lib/db/embedded");
  try {
    const embedded = await startEmbeddedDatabase(folder);
    return { url: embedded.url, close: () => embedded.stop() };
  } catch (error) {
    if (error instanceof EmbeddedDatabaseInUseError)
      refuse(text("backup.cli.embeddedBusy", { folder, pid: error.pid }));
    throw error;
  }
}

export async function backupCommand(args: string[]): Promise<number> {
  return runCommand(async () => {
    const parsed = parse(args, "prune");
    if (!parsed) refuse(text("backup.cli.usage"));
    const key = passphrase();
    if ([...key].length < MIN_PASSPHRASE_LENGTH) {
      refuse(text("backup.cli.passphraseTooShort", { min: MIN_PASSPHRASE_LENGTH }));
    }
    const file = path.resolve(parsed.file);
    const exists = await readdir(path.dirname(file)).then(
      (names) => names.includes(path.basename(file)),
      (error: NodeJS.ErrnoException) =>
        refuse(text("backup.cli.cannotWrite", { file, detail: error.code ?? error.message })),
    );
    if (exists) refuse(text("backup.cli.fileExists", { file }));

    const createdAt = new Date();
    let manifest: BackupManifest | undefined;
    const keep = (found: BackupManifest) => {
      manifest = found;
    };
    const serverUrl = process.env.DATABASE_URL;
    let kind: BackupKind;
    let bytes: number;
    let inObjectStore: number;
    if (serverUrl) {
      // the app's role reads every table; the backup needs nothing more
      kind = "server";
      const tools = await serverTools(serverUrl);
      const { dumpServer } = await import("@/lib/backup/server");
      ({ bytes } = await write(file, kind, createdAt, key, dumpServer(serverUrl, tools, keep)));
      inObjectStore = await withClient(serverUrl, objectStoreFiles);
    } else {
      kind = "embedded";
      const { dumpEmbedded } = await import("@/lib/backup/embedded");
      const database = await openEmbeddedForBackup();
      try {
        ({ bytes } = await write(file, kind, createdAt, key, dumpEmbedded(database.url, keep)));
        inObjectStore = await withClient(database.url, objectStoreFiles);
      } finally {
        await database.close();
      }
    }
    const tables = manifest?.tables ?? {};
    console.log(
      say(
        text("backup.cli.backedUp", {
          kind: text(`backup.cli.kinds.${kind}`),
          file,
          tables: Object.keys(tables).length,
          rows: sum(tables),
          size: size(bytes),
        }),
      ),
    );
    // the object store's bytes are not in the file: said on every backup while any file is there
    const store = objectStoreDescription();
    if (inObjectStore > 0 || store) {
      console.log(
        say(
          store
            ? text("backup.cli.objectStoreNotIncluded", { files: inObjectStore, store })
            : text("backup.cli.objectStoreNotIncludedUnset", { files: inObjectStore }),
        ),
      );
    }
    if (parsed.flag) {
      const days = manifest?.retentionDays ?? null;
      if (days === null) {
        console.log(say(text("backup.cli.pruneNoCampaign")));
        return;
      }
      const pruned = await pruneBackups(file, createdAt, days);
      if (pruned.length === 0) console.log(say(text("backup.cli.pruneNone", { days })));
      for (const backup of pruned) {
        console.log(say(text("backup.cli.pruned", { days, file: backup.file, date: beijingDay(backup.createdAt) })));
      }
    }
  }, "backup.cli.backupFailed");
}

/** The configured object store's endpoint, bucket and folder (no credentials), or null when none is set. */
function objectStoreDescription(): string | null {
  const url = process.env.HUIFANG_OBJECT_STORE_URL;
  if (!url) return null;
  const config = parseObjectStoreUrl(url);
  return "problem" in config ? null : describeObjectStore(config);
}

async function write(
  file: string,
  kind: BackupKind,
  createdAt: Date,
  key: string,
  payload: import("node:stream").Readable,
) {
  try {
    return await writeBackupFile(
      file,
      { kind, createdAt: createdAt.toISOString(), appVersion: packageJson.version },
      key,
      payload,
    );
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") refuse(text("backup.cli.fileExists", { file }));
    if (code === "EACCES" || code === "ENOENT" || code === "ENOSPC" || code === "EROFS") {
      refuse(text("backup.cli.cannotWrite", { file, detail: code }));
    }
    throw error;
  }
}

/** The migrations committed with this version (prisma/migrations), as the embedded restore applies them. */
async function committedMigrations(): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, "prisma", "migrations"), { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export async function restoreCommand(args: string[]): Promise<number> {
  return runCommand(async () => {
    const parsed = parse(args, "replace");
    if (!parsed) refuse(text("backup.cli.usage"));
    const key = passphrase();
    const file = path.resolve(parsed.file);
    const serverUrl = process.env.DATABASE_URL;
    const target: BackupKind = serverUrl ? "server" : "embedded";
    const folder = path.resolve(dataDir());
    const { embeddedHolder } = await import("@/lib/backup/embedded");
    if (target === "embedded") {
      const holder = embeddedHolder(folder);
      if (holder) refuse(text("backup.cli.appRunning", { folder, pid: holder }));
    }

    // the whole file is decrypted and checked once before anything is looked at, let alone changed
    const found = await readBackupHeader(file).catch((error: NodeJS.ErrnoException) =>
      refuse(text("backup.cli.cannotRead", { file, detail: error.code ?? error.message })),
    );
    if (!found) refuse(text("backup.cli.notBackup", { file }));
    if (found.header.kind !== target) {
      refuse(
        text("backup.cli.kindMismatch", {
          backup: text(`backup.cli.kinds.${found.header.kind}`),
          target: text(`backup.cli.kinds.${target}`),
        }),
      );
    }
    const opened = await openBackupFile(file, key).catch(backupFileRefusal(file));
    await opened.verify().catch(backupFileRefusal(file));
    const { manifest, dump: unread } = await readManifest(opened.payload());
    unread.destroy();

    const planned = {
      file,
      createdAt: beijingDateTime(new Date(opened.header.createdAt)).replace("T", " "),
      version: opened.header.appVersion,
      tables: Object.keys(manifest.tables).length,
      rows: sum(manifest.tables),
    };
    if (target === "server" && serverUrl) {
      await restoreToServer(serverUrl, parsed.flag, manifest, planned, () => opened.payload());
    } else {
      await restoreToEmbedded(folder, parsed.flag, manifest, planned, () => opened.payload());
    }
  }, "backup.cli.failed");
}

function backupFileRefusal(file: string) {
  return (error: unknown): never => {
    if (error instanceof BackupFileError) refuse(text(`backup.cli.${error.reason}`, { file }));
    throw error;
  };
}

type Plan = { file: string; createdAt: string; version: string; tables: number; rows: number };

function announce(plan: Plan, target: Text, filled: { rows: number }, how: Text) {
  console.log(say(text("backup.cli.plan", { ...plan, target })));
  console.log(
    say(filled.rows > 0 ? text("backup.cli.planReplace", { rows: filled.rows }) : text("backup.cli.planEmpty")),
  );
  console.log(say(how));
}

function checkCounts(expected: Record<string, number>, actual: Record<string, number>) {
  const differing = Object.entries(expected)
    .filter(([name, count]) => (actual[name] ?? 0) !== count)
    .map(([name]) => name);
  if (differing.length > 0) throw new Error(say(text("backup.cli.countsDiffer", { tables: differing.join(", ") })));
  console.log(say(text("backup.cli.restored", { tables: Object.keys(expected).length, rows: sum(expected) })));
}

async function restoreToServer(
  serverUrl: string,
  replace: boolean,
  manifest: BackupManifest,
  plan: Plan,
  payload: () => import("node:stream").Readable,
) {
  // restore runs as the owner (README "Database"): the app's role may not create or drop tables
  const ownerUrl = process.env.DATABASE_OWNER_URL || serverUrl;
  const { countRows, restoreServer } = await import("@/lib/backup/server");
  const { filledTables, withClient } = await import("@/lib/backup/database");
  const tools = await serverTools(ownerUrl);
  const filled = await withClient(ownerUrl, filledTables);
  if (filled.rows > 0 && !replace) refuse(text("backup.cli.notEmpty", filled));
  const url = new URL(ownerUrl);
  announce(
    plan,
    text("backup.cli.serverTarget", { database: decodeURIComponent(url.pathname.slice(1)), host: url.host }),
    filled,
    text("backup.cli.planServer", { role: decodeURIComponent(url.username) || "postgres" }),
  );
  const { dump } = await readManifest(payload());
  await restoreServer(ownerUrl, dump, tools);
  checkCounts(manifest.tables, await countRows(ownerUrl));
}

async function restoreToEmbedded(
  folder: string,
  replace: boolean,
  manifest: BackupManifest,
  plan: Plan,
  payload: () => import("node:stream").Readable,
) {
  const { embeddedDatabaseExists, loadRows, swapInRestored, EmbeddedDatabaseBusy } = await import(
    "@/lib/backup/embedded"
  );
  const { EmbeddedDatabaseInUseError, startEmbeddedDatabase } = await import("@/lib/db/embedded");
  const { applyMigrations } = await import("@/lib/db/migrate");
  const { filledTables, withClient } = await import("@/lib/backup/database");
  const committed = await committedMigrations();
  if (manifest.format !== "rows" || committed.join("\n") !== [...manifest.migrations].sort().join("\n")) {
    refuse(text("backup.cli.migrationsDiffer", { version: plan.version }));
  }
  const inUse = (error: unknown): never => {
    if (error instanceof EmbeddedDatabaseInUseError || error instanceof EmbeddedDatabaseBusy) {
      refuse(text("backup.cli.appRunning", { folder, pid: error.pid }));
    }
    throw error;
  };

  let filled = { tables: 0, rows: 0 };
  if (await embeddedDatabaseExists(folder)) {
    const current = await startEmbeddedDatabase(folder).catch(inUse);
    try {
      filled = await withClient(current.url, filledTables);
    } finally {
      await current.stop();
    }
  }
  if (filled.rows > 0 && !replace) refuse(text("backup.cli.notEmpty", filled));
  announce(
    plan,
    text("backup.cli.embeddedTarget", { folder }),
    filled,
    text("backup.cli.planEmbedded", { folder: path.join(folder, "pgdata") }),
  );

  // a new folder beside the data, so the final move is a rename on the same disk
  const { mkdir, mkdtemp, rm } = await import("node:fs/promises");
  await mkdir(folder, { recursive: true });
  const staging = await mkdtemp(path.join(folder, "restoring-"));
  try {
    const restored = await startEmbeddedDatabase(staging);
    try {
      await applyMigrations(restored.url, { quiet: true });
      const { dump } = await readManifest(payload());
      await loadRows(restored.url, dump, manifest);
    } finally {
      await restored.stop();
    }
    await swapInRestored(folder, path.join(staging, "pgdata")).catch(inUse);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  console.log(say(text("backup.cli.restored", { tables: plan.tables, rows: plan.rows })));
}
