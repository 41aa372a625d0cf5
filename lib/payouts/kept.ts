import "server-only";
// The payout projection the dashboards show ("if the campaign closed now"), kept in the database at the
// campaign's money version (migration 20261203100000_kept_payout_projection). Triggers add one to the
// version in the transaction of every write that moves money: contacts, candidates (imports, moves,
// 录取, 报到, 放弃录取), staff and groups, overtime, findings, 生源报备 and the policies. A read takes the
// kept rows while their version is the current one, and otherwise recomputes the whole campaign once:
// under an advisory lock, so that two instances, or two pages opened together, compute it once between
// them. The bottom-3 ranking and the leader bonuses depend on every caller of the campaign, which is why
// the projection is the campaign's, not a group's.
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/db/client";
import { type CallerPayout, computePayouts, type GroupPayout, type SubsidyPolicy } from "@/lib/subsidy";
import { loadPayoutInput } from "./inputs";

export interface KeptPayouts {
  /** the payouts of the callers in the groups asked for, by caller */
  callers: Map<string, CallerPayout>;
  /** the leader bonuses of the groups asked for, by group */
  groups: Map<string, GroupPayout>;
  /** what the whole campaign would pay */
  totalFen: number;
  policy: SubsidyPolicy;
}

interface KeptRow {
  current: boolean | null;
  policy: SubsidyPolicy | null;
  totalFen: bigint | null;
  callers: CallerPayout[];
  groups: GroupPayout[];
}

/** A recompute's result with each caller's group, to pick the groups asked for from it. */
interface Computed {
  callers: { groupId: string; payout: CallerPayout }[];
  groups: GroupPayout[];
  totalFen: number;
  policy: SubsidyPolicy;
}

/** The money version is the sum of the campaign's shards; no shard yet is version 0. */
const CURRENT_VERSION = `(SELECT coalesce(sum(version), 0)::bigint FROM "MoneyVersion" WHERE "campaignId" = $1)`;

/**
 * The campaign's projected payouts for the callers and leaders of `groupIds` (none for only the total),
 * equal to a fresh computation from the database as it is now.
 */
export async function keptPayouts(campaignId: string, groupIds: readonly string[]): Promise<KeptPayouts> {
  const kept = await readKept(campaignId, groupIds);
  if (kept.current && kept.policy) return fromKept(kept);
  const computed = await recompute(campaignId);
  if (computed) return pickGroups(computed, groupIds);
  // another request recomputed it while this one waited for the lock: read what it kept
  const after = await readKept(campaignId, groupIds);
  if (!after.policy) throw new Error(`no kept payout projection for campaign ${campaignId}`);
  return fromKept(after);
}

async function readKept(campaignId: string, groupIds: readonly string[]): Promise<KeptRow> {
  const [row] = await db().$queryRawUnsafe<KeptRow[]>(
    `SELECT p.version = ${CURRENT_VERSION} AS current, p.policy, p."totalFen",
            coalesce((SELECT json_agg(c.payout) FROM "PayoutProjectionCaller" c
                      WHERE c."campaignId" = $1 AND c."groupId" = ANY($2::text[])), '[]') AS callers,
            coalesce((SELECT json_agg(g.payout) FROM "PayoutProjectionGroup" g
                      WHERE g."campaignId" = $1 AND g."groupId" = ANY($2::text[])), '[]') AS groups
     FROM (SELECT 1) AS one LEFT JOIN "PayoutProjection" p ON p."campaignId" = $1`,
    campaignId,
    groupIds,
  );
  return row ?? { current: null, policy: null, totalFen: null, callers: [], groups: [] };
}

function fromKept(kept: KeptRow): KeptPayouts {
  return {
    callers: new Map(kept.callers.map((c) => [c.callerId, c])),
    groups: new Map(kept.groups.map((g) => [g.groupId, g])),
    totalFen: Number(kept.totalFen),
    policy: kept.policy as SubsidyPolicy,
  };
}

function pickGroups(computed: Computed, groupIds: readonly string[]): KeptPayouts {
  const wanted = new Set(groupIds);
  return {
    callers: new Map(computed.callers.filter((c) => wanted.has(c.groupId)).map((c) => [c.payout.callerId, c.payout])),
    groups: new Map(computed.groups.filter((g) => wanted.has(g.groupId)).map((g) => [g.groupId, g])),
    totalFen: computed.totalFen,
    policy: computed.policy,
  };
}

/**
 * Recomputes and keeps the campaign's projection, unless another request kept a current one while this
 * one waited for the lock (null then). The version is read before the inputs: a write committed after
 * it moves the version past what is kept, so the next read recomputes, even if these inputs saw it.
 */
async function recompute(campaignId: string): Promise<Computed | null> {
  return db().$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`payout-projection:${campaignId}`}, 0))`;
      const [state] = await tx.$queryRawUnsafe<{ version: bigint; current: boolean | null }[]>(
        `SELECT ${CURRENT_VERSION} AS version,
                (SELECT p.version FROM "PayoutProjection" p WHERE p."campaignId" = $1) = ${CURRENT_VERSION} AS current`,
        campaignId,
      );
      if (!state) throw new Error("the money version query returned no row");
      if (state.current) return null;

      const { input, policy } = await loadPayoutInput(tx, campaignId);
      const result = computePayouts(input, policy);
      const groupOf = new Map(input.callers.map((c) => [c.callerId, c.groupId]));
      const callers = result.callers.map((payout) => ({ groupId: groupOf.get(payout.callerId) ?? "", payout }));

      await keepChanged(tx, campaignId, "PayoutProjectionCaller", "callerId", callers, (c) => c.payout.callerId);
      await keepChanged(tx, campaignId, "PayoutProjectionGroup", "groupId", result.groups, (g) => g.groupId);
      await tx.$executeRaw`
        INSERT INTO "PayoutProjection" ("campaignId", version, policy, "totalFen", "computedAt")
        VALUES (${campaignId}, ${state.version}, ${JSON.stringify(policy)}::jsonb, ${result.totalFen}, now())
        ON CONFLICT ("campaignId") DO UPDATE
        SET version = EXCLUDED.version, policy = EXCLUDED.policy, "totalFen" = EXCLUDED."totalFen",
            "computedAt" = EXCLUDED."computedAt"`;
      return { callers, groups: result.groups, totalFen: result.totalFen, policy };
    },
    // a province's 5,000 callers compute in well under a second; the lock may wait for another's compute
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/**
 * Writes the rows of a recompute that differ from the kept ones, and deletes those gone: after a contact
 * only the caller's own row usually changes (and the few whose rank moved), so a recompute writes a few
 * rows, not the campaign's thousands of JSON documents.
 */
async function keepChanged<T>(
  tx: Prisma.TransactionClient,
  campaignId: string,
  table: "PayoutProjectionCaller" | "PayoutProjectionGroup",
  key: "callerId" | "groupId",
  rows: readonly T[],
  keyOf: (row: T) => string,
) {
  const kept = new Map(
    (
      await tx.$queryRawUnsafe<{ key: string; digest: string }[]>(
        `SELECT "${key}" AS key, digest FROM "${table}" WHERE "campaignId" = $1`,
        campaignId,
      )
    ).map((r) => [r.key, r.digest]),
  );
  const changed: { key: string; item: T; digest: string }[] = [];
  for (const row of rows) {
    const digest = createHash("sha256").update(JSON.stringify(row)).digest("base64url");
    if (kept.get(keyOf(row)) !== digest) changed.push({ key: keyOf(row), item: row, digest });
    kept.delete(keyOf(row));
  }
  if (kept.size > 0) {
    await tx.$executeRawUnsafe(
      `DELETE FROM "${table}" WHERE "campaignId" = $1 AND "${key}" = ANY($2::text[])`,
      campaignId,
      [...kept.keys()],
    );
  }
  if (changed.length === 0) return;
  // a caller's row holds { groupId, payout }; a group's row is the group's payout itself
  const columns =
    table === "PayoutProjectionCaller"
      ? `"callerId", "groupId", payout, digest) SELECT $1, r.key, r.item->>'groupId', r.item->'payout', r.digest`
      : `"groupId", payout, digest) SELECT $1, r.key, r.item, r.digest`;
  await tx.$executeRawUnsafe(
    `INSERT INTO "${table}" ("campaignId", ${columns}
     FROM jsonb_to_recordset($2::jsonb) AS r(key text, item jsonb, digest text)
     ON CONFLICT ("campaignId", "${key}") DO UPDATE
     SET ${table === "PayoutProjectionCaller" ? `"groupId" = EXCLUDED."groupId", ` : ""}payout = EXCLUDED.payout,
         digest = EXCLUDED.digest`,
    campaignId,
    JSON.stringify(changed),
  );
}
