import type pg from "pg";

/**
 * The two database roles of a deployment on a PostgreSQL server (README "Database", docs/reliability.md #30):
 *
 * - the owner runs the migrations and owns every table, function and sequence;
 * - the app connects as a role that owns nothing, so it can neither TRUNCATE, ALTER, DROP nor switch a
 *   trigger off; it may read and write the tables, but only INSERT and SELECT the audit log and the
 *   signed-off payout runs (the migration database_roles takes the rest back, restrict_history_privileges).
 *
 * Set up once by a role that may create roles (`npm run db:roles`), and by the integration tests for
 * their template database. Every step can run again: an existing role is kept (its password updated when
 * one is given), and two set-ups racing on one server both succeed.
 */
export interface DatabaseRole {
  name: string;
  /** unset: the role is created without one (a server that trusts local connections, the tests) */
  password?: string;
}

/** duplicate_object, or the catalogue's unique index when another session created the role first */
const ROLE_EXISTS = new Set(["42710", "23505"]);

function quoteIdent(name: string) {
  return `"${name.replaceAll('"', '""')}"`;
}

function quoteLiteral(value: string) {
  return `'${value.replaceAll("'", "''")}'`;
}

async function ensureRole(admin: pg.Client, role: DatabaseRole) {
  const password = role.password === undefined ? "" : ` PASSWORD ${quoteLiteral(role.password)}`;
  try {
    await admin.query(`CREATE ROLE ${quoteIdent(role.name)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE${password}`);
  } catch (error) {
    if (!ROLE_EXISTS.has((error as { code?: string }).code ?? "")) throw error;
    if (role.password !== undefined) await admin.query(`ALTER ROLE ${quoteIdent(role.name)}${password}`);
  }
}

/**
 * Creates (or keeps) both roles and gives the database to the owner, with the app's privileges on what
 * exists and, by default privileges, on what later migrations add. `admin` is connected to the
 * deployment's database as a role that may create roles and change owners.
 */
export async function setUpDatabaseRoles(admin: pg.Client, roles: { owner: DatabaseRole; app: DatabaseRole }) {
  if (roles.owner.name === roles.app.name) throw new Error("the owner and the app need two different roles");
  await ensureRole(admin, roles.owner);
  await ensureRole(admin, roles.app);
  const owner = quoteIdent(roles.owner.name);
  const app = quoteIdent(roles.app.name);
  const { rows } = await admin.query<{ name: string }>("SELECT current_database() AS name");
  const database = quoteIdent(rows[0]?.name ?? "");
  for (const statement of [
    `ALTER DATABASE ${database} OWNER TO ${owner}`,
    `ALTER SCHEMA public OWNER TO ${owner}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT CONNECT ON DATABASE ${database} TO ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    // what the owner's later migrations create
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner} IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO ${app}`,
    // what is already there, when the roles are set up after the first migrations
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
  ]) {
    await admin.query(statement);
  }
  const restrict = await admin.query<{ present: boolean }>(
    "SELECT to_regprocedure('restrict_history_privileges()') IS NOT NULL AS present",
  );
  if (restrict.rows[0]?.present) await admin.query('SELECT "restrict_history_privileges"()');
}

/** The role and password a postgresql:// URL connects with. */
export function roleOfUrl(url: string): DatabaseRole {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.username);
  if (!name) throw new Error(`${parsed.host}${parsed.pathname}: the URL names no user`);
  return { name, ...(parsed.password ? { password: decodeURIComponent(parsed.password) } : {}) };
}
