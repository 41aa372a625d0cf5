import pg from "pg";

// The browser tests' server keeps the demo campaign in PGlite, served over the PostgreSQL protocol on
// the port next to the app's (playwright.config.ts: HUIFANG_EMBEDDED_DB_PORT = PORT + 1). The specs
// read it to pick their candidates and to count rows, and write to it only to prepare a candidate the
// way the demo seed does. PGlite is one session behind that socket: every helper opens one connection,
// runs one short statement or transaction and closes it, so the app is never kept waiting.
const EMBEDDED_DB_PORT = Number(process.env.HUIFANG_E2E_PORT ?? 3100) + 1;
const EMBEDDED_DB_URL = `postgresql://postgres:postgres@127.0.0.1:${EMBEDDED_DB_PORT}/postgres`;

export async function withDb<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: EMBEDDED_DB_URL });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The rows of one statement, on a connection of its own. */
export function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return withDb(async (client) => (await client.query<T>(sql, params)).rows);
}

export interface DbCandidate {
  id: string;
  examNo: string;
  name: string;
  phones: string[];
}

const CANDIDATE_COLUMNS = `c.id, c."examNo", c.name, c.phones`;

/**
 * The caller's candidates who still have something to do in the open 报到 phase (admitted, not yet
 * enrolled), were never escalated and whose latest contact reached somebody: one more contact of
 * any result leaves them un-escalated. Ordered by exam number, so a spec can take a stable one.
 */
export function workableCandidates(callerLogin: string): Promise<DbCandidate[]> {
  return withDb(async (client) => {
    const { rows } = await client.query<DbCandidate>(
      `SELECT ${CANDIDATE_COLUMNS}
       FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
       WHERE u.login = $1 AND c.admitted AND c.enrollment = 'PENDING'
         AND NOT EXISTS (SELECT 1 FROM "Escalation" e WHERE e."candidateId" = c.id)
         AND COALESCE((SELECT l.outcome FROM "ContactLog" l WHERE l."candidateId" = c.id
                       ORDER BY l."startedAt" DESC LIMIT 1), '') NOT LIKE 'UNREACHABLE%'
       ORDER BY c."examNo"`,
      [callerLogin],
    );
    return rows;
  });
}

/**
 * A candidate of the caller whose last two contacts failed (unreachable), on two different Beijing
 * days, with no escalation yet: one more failed attempt reaches the policy's 3 attempts over 2 days
 * and escalates them to the group leader. The demo seeds one for caller01; once a run has escalated
 * it, the next run (the spec runs in the desktop and the phone project) prepares another the same way
 * the seed does: two failed calls at 10:30 Beijing time, two days ago and yesterday.
 */
export function twiceUnreachableCandidate(callerLogin: string): Promise<DbCandidate> {
  return withDb(async (client) => {
    const found = await client.query<DbCandidate>(
      `WITH recent AS (
         SELECT l."candidateId", l.outcome LIKE 'UNREACHABLE%' AS failed,
                (l."startedAt" AT TIME ZONE 'UTC' + interval '8 hours')::date AS beijing_day,
                row_number() OVER (PARTITION BY l."candidateId" ORDER BY l."startedAt" DESC) AS n
         FROM "ContactLog" l)
       SELECT ${CANDIDATE_COLUMNS}
       FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
       WHERE u.login = $1 AND c.admitted AND c.enrollment = 'PENDING'
         AND NOT EXISTS (SELECT 1 FROM "Escalation" e WHERE e."candidateId" = c.id)
         AND (SELECT count(*) FROM recent r WHERE r."candidateId" = c.id AND r.n <= 2 AND r.failed) = 2
         AND (SELECT count(DISTINCT r.beijing_day) FROM recent r WHERE r."candidateId" = c.id AND r.n <= 2) = 2
         AND NOT EXISTS (SELECT 1 FROM recent r WHERE r."candidateId" = c.id AND r.n = 3 AND r.failed)
       ORDER BY c."examNo" LIMIT 1`,
      [callerLogin],
    );
    if (found.rows[0]) return found.rows[0];

    await client.query("BEGIN");
    try {
      // not contacted since before the first prepared attempt, so the two failures are the latest
      const fresh = await client.query<DbCandidate & { campaignId: string; callerId: string }>(
        `SELECT ${CANDIDATE_COLUMNS}, c."campaignId", c."assignedCallerId" AS "callerId"
         FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
         WHERE u.login = $1 AND c.admitted AND c.enrollment = 'PENDING'
           AND NOT EXISTS (SELECT 1 FROM "Escalation" e WHERE e."candidateId" = c.id)
           AND NOT EXISTS (SELECT 1 FROM "ContactLog" l WHERE l."candidateId" = c.id
                           AND l."startedAt" >= date_trunc('day', now() AT TIME ZONE 'UTC') - interval '3 days')
         ORDER BY c."examNo" LIMIT 1`,
        [callerLogin],
      );
      const candidate = fresh.rows[0];
      if (!candidate) throw new Error(`${callerLogin} has no candidate left to prepare as twice unreachable`);
      // 02:30 UTC is 10:30 in Beijing; the open phase is the one whose window holds now
      await client.query(
        `INSERT INTO "ContactLog" (id, "campaignId", "candidateId", "callerId", phase, channel, "startedAt",
           "durationSeconds", outcome, "idempotencyKey", "createdAt", "updatedAt")
         SELECT 'e2e-' || gen_random_uuid(), $1, $2, $3, w.phase, 'PHONE'::"Channel", a.at, 0, a.outcome,
                gen_random_uuid()::text, a.at, a.at
         FROM (VALUES (2, 'UNREACHABLE_PHONE_OFF'), (1, 'UNREACHABLE_REFUSED')) AS v(days_ago, outcome)
         CROSS JOIN LATERAL (SELECT (date_trunc('day', now() AT TIME ZONE 'UTC') - v.days_ago * interval '1 day'
                                     + interval '2 hours 30 minutes') AT TIME ZONE 'UTC' AS at, v.outcome) a
         JOIN "PhaseWindow" w ON w."campaignId" = $1 AND w."opensAt" <= now() AND w."closesAt" > now()`,
        [candidate.campaignId, candidate.id, candidate.callerId],
      );
      await client.query(
        `UPDATE "Candidate" SET "lastContactAt" = (SELECT max("startedAt") FROM "ContactLog" WHERE "candidateId" = $1)
         WHERE id = $1`,
        [candidate.id],
      );
      await client.query("COMMIT");
      return { id: candidate.id, examNo: candidate.examNo, name: candidate.name, phones: candidate.phones };
    } catch (error) {
      await client.query("ROLLBACK");
      throw error;
    }
  });
}

/** One candidate in the charge of this caller (for "another caller's candidate" checks). */
export function someCandidateOf(callerLogin: string): Promise<DbCandidate> {
  return withDb(async (client) => {
    const { rows } = await client.query<DbCandidate>(
      `SELECT ${CANDIDATE_COLUMNS} FROM "Candidate" c JOIN "User" u ON u.id = c."assignedCallerId"
       WHERE u.login = $1 ORDER BY c."examNo" LIMIT 1`,
      [callerLogin],
    );
    const candidate = rows[0];
    if (!candidate) throw new Error(`${callerLogin} has no candidate`);
    return candidate;
  });
}

/** How many contact logs the candidate's ledger holds, whoever wrote them. */
export function contactLogCount(candidateId: string): Promise<number> {
  return withDb(async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "ContactLog" WHERE "candidateId" = $1`,
      [candidateId],
    );
    return rows[0]?.n ?? 0;
  });
}

/** Every contact made on the candidate, whoever made it: what the ledger totals on the candidate page count. */
export function candidateTotals(candidateId: string): Promise<{ contacts: number; seconds: number }> {
  return withDb(async (client) => {
    const { rows } = await client.query<{ contacts: number; seconds: number }>(
      `SELECT count(*)::int AS contacts, COALESCE(sum("durationSeconds"), 0)::int AS seconds
       FROM "ContactLog" WHERE "candidateId" = $1`,
      [candidateId],
    );
    return rows[0] ?? { contacts: 0, seconds: 0 };
  });
}

/** Audit rows of one action on one entity (e.g. "candidate.revealPhone" on a candidate). */
export function auditCount(action: string, entityId: string): Promise<number> {
  return withDb(async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = $1 AND "entityId" = $2`,
      [action, entityId],
    );
    return rows[0]?.n ?? 0;
  });
}

/**
 * Deletes the sign-in attempts recorded since `since`: a spec that locks out an account or the test
 * machine's address on purpose gives the specs after it a clean slate (the limits count 15 minutes).
 */
export function forgetSignInAttemptsSince(since: Date): Promise<void> {
  return withDb(async (client) => {
    await client.query(`DELETE FROM "LoginAttempt" WHERE "createdAt" >= $1`, [since]);
  });
}
