import { afterAll, describe, expect, it } from "vitest";
import type { EnrollmentRecord, EnrollmentStatus } from "@/generated/prisma/enums";
import { db } from "@/lib/db";
import { applyImport } from "@/lib/import/apply";
import { previewImport } from "@/lib/import/preview";
import { undoImport } from "@/lib/import/undo";
import { createCandidate } from "@/prisma/seed/factories";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { makeTempDir, removeTempDir, writeCsv } from "../support/import-fixtures";

// The 报到 list is the record of enrollment; a caller's 已报到 is a claim. Each list is the full list to
// date: on it and enrolled = confirmed (LIST), absent or marked not enrolled = not yet confirmed. A
// caller's 未报到 is never the list's to change, a data-team confirmation stays, and undo puts back
// exactly what was there. The tallies' `confirmed` follows every step.

const dir = makeTempDir();
afterAll(() => removeTempDir(dir));

type State = { enrollment: EnrollmentStatus; enrollmentRecord: EnrollmentRecord | null };

/** Admitted candidates of caller A in the given starting state, by a short name. */
async function candidates<K extends string>(fx: CallsFixture, start: Record<K, State>) {
  const out = {} as Record<K, { id: string; examNo: string }>;
  for (const [key, state] of Object.entries(start) as [K, State][]) {
    const c = await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      assignedCallerId: fx.users.callerA.id,
      creditCallerId: fx.users.callerA.id,
      name: `${key}${fx.tag}`,
      admitted: true,
      ...state,
    });
    out[key] = { id: c.id, examNo: c.examNo };
  }
  return out;
}

async function states(ids: Record<string, { id: string }>) {
  const rows = await db().candidate.findMany({
    where: { id: { in: Object.values(ids).map((c) => c.id) } },
    select: { id: true, enrollment: true, enrollmentRecord: true },
  });
  const byId = new Map(rows.map((r) => [r.id, { enrollment: r.enrollment, enrollmentRecord: r.enrollmentRecord }]));
  return Object.fromEntries(Object.entries(ids).map(([key, c]) => [key, byId.get(c.id)]));
}

/** caller A's tally row, and the same count from the candidates themselves */
async function confirmedOf(fx: CallsFixture) {
  const tally = await db().candidateTally.aggregate({
    where: { campaignId: fx.campaign.id, callerId: fx.users.callerA.id },
    _sum: { confirmed: true, enrolled: true },
  });
  const recount = await db().candidate.count({
    where: { assignedCallerId: fx.users.callerA.id, admitted: true, enrollmentRecord: { not: null } },
  });
  expect(tally._sum.confirmed).toBe(recount);
  return { confirmed: tally._sum.confirmed ?? 0, claimed: tally._sum.enrolled ?? 0 };
}

function baodao(name: string, rows: [string, "是" | "否"][]) {
  return writeCsv(dir, name, [["考生号", "报到状态"], ...rows], "utf-8");
}

describe("the 报到 list as the record of enrollment", () => {
  it("sets, clears and keeps the record case by case, and undo restores it exactly", async () => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    const start = {
      pending: { enrollment: "PENDING", enrollmentRecord: null },
      claimed: { enrollment: "ENROLLED", enrollmentRecord: null },
      refused: { enrollment: "NOT_ENROLLED", enrollmentRecord: null },
      byHand: { enrollment: "ENROLLED", enrollmentRecord: "DATA_TEAM" },
      handNo: { enrollment: "ENROLLED", enrollmentRecord: "DATA_TEAM" },
      listedNo: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
      listedGone: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
      stillNo: { enrollment: "PENDING", enrollmentRecord: null },
    } satisfies Record<string, State>;
    const c = await candidates(fx, start);
    expect(await confirmedOf(fx)).toEqual({ confirmed: 4, claimed: 5 });

    const first = baodao(`first-${fx.tag}.csv`, [
      [c.pending.examNo, "是"],
      [c.claimed.examNo, "是"],
      [c.refused.examNo, "是"],
      [c.handNo.examNo, "否"],
      [c.listedNo.examNo, "否"],
      [c.stillNo.examNo, "否"],
    ]);
    const preview = await previewImport(db(), { campaignId: fx.campaign.id, kind: "baodao", path: first });
    // pending, claimed, refused become confirmed; listedNo (marked 否) and listedGone (absent) do not stay
    expect(preview.plan?.record).toEqual({ confirmed: 3, unconfirmed: 2 });

    const applied = await applyImport(db(), {
      campaignId: fx.campaign.id,
      kind: "baodao",
      path: first,
      fileName: "报到名单1.csv",
      by: { id: fx.users.data.id },
    });
    expect(applied).toMatchObject({ ok: true, updated: 5 });
    expect(await states(c)).toEqual({
      // on the list: confirmed, a pending claim becomes 已报到
      pending: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
      claimed: { enrollment: "ENROLLED", enrollmentRecord: "LIST" },
      // the caller's 未报到 stays theirs: a mismatch for the data team, not the list's to overwrite
      refused: { enrollment: "NOT_ENROLLED", enrollmentRecord: "LIST" },
      // a data-team confirmation stays, whether absent or marked 否
      byHand: { enrollment: "ENROLLED", enrollmentRecord: "DATA_TEAM" },
      handNo: { enrollment: "ENROLLED", enrollmentRecord: "DATA_TEAM" },
      // the list no longer shows them: off the record, the claim stays a claim
      listedNo: { enrollment: "ENROLLED", enrollmentRecord: null },
      listedGone: { enrollment: "ENROLLED", enrollmentRecord: null },
      stillNo: { enrollment: "PENDING", enrollmentRecord: null },
    });
    expect(await confirmedOf(fx)).toEqual({ confirmed: 5, claimed: 6 });

    // the next list to date leaves `pending` out: not yet confirmed again, and its claim is kept
    const second = baodao(`second-${fx.tag}.csv`, [
      [c.claimed.examNo, "是"],
      [c.refused.examNo, "是"],
    ]);
    const applied2 = await applyImport(db(), {
      campaignId: fx.campaign.id,
      kind: "baodao",
      path: second,
      fileName: "报到名单2.csv",
      by: { id: fx.users.data.id },
    });
    expect(applied2).toMatchObject({ ok: true, updated: 1 });
    expect((await states(c)).pending).toEqual({ enrollment: "ENROLLED", enrollmentRecord: null });
    expect(await confirmedOf(fx)).toEqual({ confirmed: 4, claimed: 6 });

    if (!applied2.ok || !applied.ok) throw new Error("applied above");
    expect(await undoImport(db(), { batchId: applied2.batchId, by: { id: fx.users.data.id } })).toMatchObject({
      ok: true,
    });
    expect((await states(c)).pending).toEqual({ enrollment: "ENROLLED", enrollmentRecord: "LIST" });
    expect(await confirmedOf(fx)).toEqual({ confirmed: 5, claimed: 6 });

    expect(await undoImport(db(), { batchId: applied.batchId, by: { id: fx.users.data.id } })).toMatchObject({
      ok: true,
    });
    expect(await states(c)).toEqual(start);
    expect(await confirmedOf(fx)).toEqual({ confirmed: 4, claimed: 5 });
  });

  it("a 录取 list fixes the pay credit on the holder; undoing it gives the credit back to whoever holds them", async () => {
    const fx = await buildCallsFixture({ openPhase: 2 });
    const candidate = await createCandidate(db(), {
      campaignId: fx.campaign.id,
      groupId: fx.groupA.id,
      assignedCallerId: fx.users.callerA.id,
      creditCallerId: fx.users.callerA.id,
      name: `录取${fx.tag}`,
    });
    const luqu = writeCsv(
      dir,
      `luqu-${fx.tag}.csv`,
      [
        ["考生号", "姓名", "专业"],
        [candidate.examNo, candidate.name, "软件技术"],
      ],
      "utf-8",
    );
    const applied = await applyImport(db(), {
      campaignId: fx.campaign.id,
      kind: "luqu",
      path: luqu,
      fileName: "录取名单.csv",
      by: { id: fx.users.data.id },
    });
    if (!applied.ok) throw new Error(applied.message);
    expect(await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({
      admitted: true,
      creditCallerId: fx.users.callerA.id,
    });
    // moved after admission for no reason that carries the credit: the credit stays with caller A
    await db().candidate.update({ where: { id: candidate.id }, data: { assignedCallerId: fx.users.leaderA.id } });

    expect(await undoImport(db(), { batchId: applied.batchId, by: { id: fx.users.data.id } })).toMatchObject({
      ok: true,
    });
    expect(await db().candidate.findUniqueOrThrow({ where: { id: candidate.id } })).toMatchObject({
      admitted: false,
      assignedCallerId: fx.users.leaderA.id,
      creditCallerId: fx.users.leaderA.id,
    });
  });
});
