// PostgreSQL's own pg_dump and pg_restore (Debian's postgresql-client-NN), for a backup of a server. They
// must be at least the server's major version: pg_dump refuses a newer server, and pg_restore an archive
// written by a newer pg_dump.
import { execFile } from "node:child_process";
import { access, constants, readdir } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  major: number;
}

/** The major version in `pg_dump --version`'s answer: "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)" → 15. */
export function parseToolMajor(versionLine: string): number | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(versionLine);
  if (!match) return null;
  const major = Number(match[1]);
  // before 10 the major version had two parts (9.6); all of them are older than any server we run on
  return major >= 10 ? major : major + Number(match[2] ?? 0) / 10;
}

/** The server's major version from `server_version_num` (150020 → 15). */
export function serverMajor(versionNum: string | number): number {
  return Math.floor(Number(versionNum) / 10_000);
}

/** The newest tools found, when they are at least the server's version. */
export function chooseTools(found: readonly PgTools[], serverMajorVersion: number): PgTools | null {
  const newest = [...found].sort((a, b) => b.major - a.major)[0];
  return newest && newest.major >= serverMajorVersion ? newest : null;
}

/** Debian's package that brings the tools for a server of that version. */
export function clientPackage(serverMajorVersion: number): string {
  return `postgresql-client-${serverMajorVersion}`;
}

/**
 * Where the tools are looked for: HUIFANG_PG_BIN_DIR alone when it is set (PostgreSQL installed elsewhere),
 * else Debian's versioned folders (newest first), then the PATH.
 */
export async function toolFolders(): Promise<string[]> {
  const fixed = process.env.HUIFANG_PG_BIN_DIR;
  if (fixed) return [fixed];
  const debian = "/usr/lib/postgresql";
  const versions = await readdir(debian).catch(() => [] as string[]);
  const versioned = versions
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
    .map((name) => path.join(debian, name, "bin"));
  return [...versioned, ...(process.env.PATH ?? "").split(path.delimiter).filter(Boolean)];
}

async function executable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** Every pair of pg_dump and pg_restore in `folders`, with its version. */
export async function findTools(folders: readonly string[]): Promise<PgTools[]> {
  const found: PgTools[] = [];
  for (const folder of folders) {
    const pgDump = path.join(folder, "pg_dump");
    const pgRestore = path.join(folder, "pg_restore");
    if (!(await executable(pgDump)) || !(await executable(pgRestore))) continue;
    const answer = await run(pgDump, ["--version"], { timeout: 10_000 }).catch(() => null);
    const major = answer ? parseToolMajor(answer.stdout) : null;
    if (major !== null) found.push({ pgDump, pgRestore, major });
  }
  return found;
}
