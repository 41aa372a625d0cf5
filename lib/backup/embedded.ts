// Backup and restore of the embedded database (PGlite, lib/db/embedded.ts).
//
// Why a logical dump of rows, over the wire: the running app holds the PGlite folder (its lock file
// pgdata.lock), so another process cannot open it, and a copy of its files taken while it writes would
// not be consistent. PGlite's dumpDataDir() runs only inside the process that holds the database, and
// the host's pg_dump is older than PGlite's PostgreSQL 18. What every case can reach is the wire port the
// app's database listens on: this reads every table there (or on a port of its own when no app runs)
// inside one transaction. PGlite is a single session and its socket server lets no other connection's
// statement in while a transaction is open, so the dump is one consistent moment and the app's queries
// wait for it (about a second for the demo campaign). The schema is not dumped: it is what the
// migrations make, so a restore applies the same migrations to a new folder, loads the rows with
// triggers off (the tallies are rows of their own, and the audit log's trigger refuses nothing on
// insert anyway), checks every table's count against the manifest, and only then puts the new folder in
// place of the old one.
//
// One limit of sharing the wire with the running app: the socket server keeps a connection's messages
// together only inside a transaction (electric-sql/pglite#1046), so a query of the app caught between its
// own protocol messages at the very moment the backup's transaction begins can fail once. A backup at
// a quiet hour (the README's daily schedule) meets none.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { readdir, readFile, readlink, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { appliedMigrations, appTables, currentRetentionDays, quoteIdent, rowCounts } from "./database";
import { type BackupManifest, manifestLine } from "./payload";

const LOCK_FILE = "pgdata.lock";
const PGDATA = "pgdata";
/** Rows read per FETCH and written per INSERT: a few MB of JSON at most. */
const BATCH = 500;

/** The pid of the live process that holds the embedded database in `dataDir` (the app, or a command), if any. */
export function embeddedHolder(dataDir: string): number | null {
  let holder: number;
  try {
    holder = Number(readFileSync(path.resolve(dataDir, LOCK_FILE), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(holder) || holder <= 0) return null;
  try {
    process.kill(holder, 0);
    return holder;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM" ? holder : null;
  }
}

export async function embeddedDatabaseExists(dataDir: string): Promise<boolean> {
  return stat(path.resolve(dataDir, PGDATA, "PG_VERSION")).then(
    () => true,
    () => false,
  );
}

/**
 * The loopback port on which process `pid` listens: the embedded database's, when `pid` holds its lock
 * (the launcher serves PGlite in its own process; the web server runs in a child). Read from Linux's
 * /proc: the process's socket inodes, matched with the listening TCP sockets. Null elsewhere, or when
 * the process is someone else's.
 */
export async function listeningPortOf(pid: number): Promise<number | null> {
  const inodes = new Set<string>();
  try {
    for (const fd of await readdir(`/proc/${pid}/fd`)) {
      const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode) inodes.add(inode);
    }
  } catch {
    return null;
  }
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = (await readFile(table, "utf8").catch(() => "")).split("\n").slice(1);
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      const [local, state, inode] = [fields[1], fields[3], fields[9]];
      // 0A: LISTEN
      if (state === "0A" && inode && inodes.has(inode) && local) {
        return Number.parseInt(local.split(":")[1] ?? "", 16);
      }
    }
  }
  return null;
}

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}

/**
 * The manifest's line, then every table's rows as gzipped JSON lines: `{"table":"Name"}` before each
 * table's rows, one `row_to_json` per row. Read through a cursor, in one transaction (see above).
 */
export function dumpEmbedded(url: string, onManifest: (manifest: BackupManifest) => void): Readable {
  return Readable.from(
    (async function* () {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        const manifest: BackupManifest = {
          format: "rows",
          migrations: await appliedMigrations(client),
          tables: await rowCounts(client),
          retentionDays: await currentRetentionDays(client),
        };
        onManifest(manifest);
        yield manifestLine(manifest);
        const gzip = createGzip();
        const fed = pipeline(Readable.from(rowLines(client, Object.keys(manifest.tables))), gzip);
        for await (const chunk of gzip) yield chunk as Buffer;
        await fed;
        await client.query("COMMIT");
      } finally {
        await client.end();
      }
    })(),
  );
}

async function* rowLines(client: pg.Client, tables: string[]): AsyncGenerator<string> {
  for (const table of tables) {
    yield `${JSON.stringify({ table })}\n`;
    await client.query(
      `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS row FROM ${quoteIdent(table)} t`,
    );
    for (;;) {
      const { rows } = await client.query<{ row: string }>(`FETCH ${BATCH} FROM backup_rows`);
      if (rows.length === 0) break;
      yield `${rows.map((r) => r.row).join("\n")}\n`;
    }
    await client.query("CLOSE backup_rows");
  }
}

/**
 * Loads the rows of a dump into the freshly migrated, empty database at `url`, in one transaction with
 * the triggers off (session_replication_role: the embedded database's one user is its superuser), and
 * checks each table's count against the manifest before it commits.
 */
export async function loadRows(url: string, dump: Readable, manifest: BackupManifest): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query("SET LOCAL session_replication_role = replica");
    const known = new Set(await appTables(client));
    let table: string | null = null;
    let batch: string[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const name = quoteIdent(table);
      await client.query(`INSERT INTO ${name} SELECT * FROM json_populate_recordset(NULL::${name}, $1::json)`, [
        `[${batch.join(",")}]`,
      ]);
      batch = [];
    };
    const lines = createInterface({ input: dump.pipe(createGunzip()), crlfDelay: Number.POSITIVE_INFINITY });
    for await (const line of lines) {
      if (line.length === 0) continue;
      if (line.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line) as { table: string }).table;
        if (!known.has(table)) throw new Error(`the backup holds a table this version does not have: ${table}`);
        continue;
      }
      batch.push(line);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const counts = await rowCounts(client);
    const differing = Object.entries(manifest.tables).filter(([name, count]) => (counts[name] ?? 0) !== count);
    if (differing.length > 0) {
      throw new Error(`rows missing after the load: ${differing.map(([name]) => name).join(", ")}`);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Puts the restored folder `restored` (a PGlite pgdata) in place of `dataDir`'s, which is removed. The
 * folder is locked meanwhile, as the app would lock it, so an app starting in that moment waits for
 * nothing half-done: it is refused, or this is (EmbeddedDatabaseBusy, nothing changed).
 */
export async function swapInRestored(dataDir: string, restored: string): Promise<void> {
  const lockFile = path.resolve(dataDir, LOCK_FILE);
  try {
    await writeFile(lockFile, String(process.pid), { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = embeddedHolder(dataDir);
    if (holder) throw new EmbeddedDatabaseBusy(holder);
    // a lock left by a process that died, as lib/db/embedded.ts takes it over
    await rm(lockFile, { force: true });
    await writeFile(lockFile, String(process.pid), { flag: "wx", mode: 0o600 });
  }
  try {
    const current = path.resolve(dataDir, PGDATA);
    const previous = path.resolve(dataDir, `${PGDATA}.replaced-${randomBytes(4).toString("hex")}`);
    const hadOne = await stat(current).then(
      () => true,
      () => false,
    );
    if (hadOne) await rename(current, previous);
    await rename(restored, current);
    if (hadOne) await rm(previous, { recursive: true, force: true });
  } finally {
    await rm(lockFile, { force: true });
  }
}

export class EmbeddedDatabaseBusy extends Error {
  constructor(readonly pid: number) {
    super(`the embedded database is in use by process ${pid}`);
  }
}
