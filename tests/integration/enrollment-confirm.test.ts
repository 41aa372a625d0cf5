import { describe, expect, it } from "vitest";
import { confirmEnrollment } from "@/app/(app)/admin/enrollment/actions";
import type { Prisma } from "@/generated/prisma/client";
import { ROLES } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { enrollmentMismatches, mismatchCounts } from "@/lib/enrollment/mismatches";
import { createCandidate, createUser } from "@/prisma/seed/factories";
import { auditCount, buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// The data team confirms one candidate's 报到 by hand (or takes back such a confirmation) with a reason,
// audited and version-checked; the mismatch list shows where a caller's claim and the record disagree.

async function admitted(fx: CallsFixture, name: string, data: Partial<Prisma.CandidateUncheckedCreateInput>) {
  return createCandidate(db(), {
    campaignId: fx.campaign.id,
    groupId: fx.groupA.id,
    assignedCallerId: fx.users.callerA.id,
    creditCallerId: fx.users.callerA.id,
    name: `${name}${fx.tag}`,
    admitted: true,
    ...data,
  });
}

async function tallyOfA(fx: CallsFixture) {
  const sum = await db().candidateTally.aggregate({
    where: { campaignId: fx.campaign.id, callerId: fx.users.callerA.id },
    _sum: { confirmed: true, enrolled: true },
  });
  return { confirmed: sum._sum.confirmed ?? 0, claimed: sum._sum.enrolled ?? 0 };
}

describe("confirmEnrollment", () => {
  it("confirms a claim with a reason, once, with one audit row; the tally counts it confirmed", async () => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    const c = await admitted(fx, "声明", { enrollment: "ENROLLED" });
    expect(await tallyOfA(fx)).toEqual({ confirmed: 0, claimed: 1 });
    expect((await mismatchCounts(db(), fx.campaign.id)).claimedNotRecorded).toBe(1);

    signInAs(fx.users.data);
    const result = await confirmEnrollment({
      candidateId: c.id,
      version: c.version,
      decision: "confirm",
      reason: "签到表有",
    });
    expect(result).toEqual({ ok: true, data: { enrollmentRecord: "DATA_TEAM", version: c.version + 1 } });
    expect(await db().candidate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      enrollment: "ENROLLED",
      enrollmentRecord: "DATA_TEAM",
    });
    expect(await tallyOfA(fx)).toEqual({ confirmed: 1, claimed: 1 });
    expect(await mismatchCounts(db(), fx.campaign.id)).toEqual({
      claimedNotRecorded: 0,
      recordedNotClaimed: 0,
      confirmedNotOnList: 0,
    });
    const audit = await db().auditLog.findMany({ where: { entityId: c.id, action: "enrollment.confirm" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: fx.users.data.id,
      entityType: "Candidate",
      before: { enrollmentRecord: null, enrollment: "ENROLLED" },
      after: { enrollmentRecord: "DATA_TEAM", enrollment: "ENROLLED", decision: "confirm", reason: "签到表有" },
    });

    // the same page submitted again: its version is gone
    expect(
      await confirmEnrollment({ candidateId: c.id, version: c.version, decision: "confirm", reason: "再来一次" }),
    ).toMatchObject({ ok: false, code: "STALE" });
    // taken back by hand, with a reason: off the record, the claim kept
    const back = await confirmEnrollment({
      candidateId: c.id,
      version: c.version + 1,
      decision: "withdraw",
      reason: "签错人",
    });
    expect(back).toMatchObject({ ok: true, data: { enrollmentRecord: null } });
    expect(await tallyOfA(fx)).toEqual({ confirmed: 0, claimed: 1 });
    expect(await auditCount(fx, { entityId: c.id })).toBe(2);
  });

  it.each(ROLES.filter((role) => role !== "DATA" && role !== "ADMIN"))(
    "refuses %s and changes nothing",
    async (role) => {
      const fx = await buildCallsFixture({ openPhase: 4 });
      const c = await admitted(fx, "角色", { enrollment: "ENROLLED" });
      const user = await createUser(db(), { login: `r-${role}-${fx.tag}`.toLowerCase(), roles: [role] });
      signInAs(user);
      expect(
        await confirmEnrollment({ candidateId: c.id, version: 0, decision: "confirm", reason: "理由" }),
      ).toMatchObject({
        ok: false,
        code: "FORBIDDEN",
      });
      expect((await db().candidate.findUniqueOrThrow({ where: { id: c.id } })).enrollmentRecord).toBeNull();
    },
  );

  it("lets an admin confirm too", async () => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    const c = await admitted(fx, "管理", { enrollment: "ENROLLED" });
    signInAs(fx.users.admin);
    expect(
      await confirmEnrollment({ candidateId: c.id, version: 0, decision: "confirm", reason: "核实" }),
    ).toMatchObject({
      ok: true,
    });
  });

  it.each([
    // a reason is required
    [{ enrollment: "ENROLLED" as const }, "confirm", "  ", "reason", "请填写理由。"],
    // not admitted: nothing to confirm
    [
      { enrollment: "ENROLLED" as const, admitted: false },
      "confirm",
      "理由",
      "candidateId",
      "这名考生未被录取，不能确认报到。",
    ],
    [
      { enrollmentRecord: "LIST" as const, enrollment: "ENROLLED" as const },
      "confirm",
      "理由",
      "candidateId",
      "这名考生已在记录中，无需再次确认。",
    ],
    [{ enrollment: "ENROLLED" as const }, "withdraw", "理由", "candidateId", "这名考生还没有报到记录，无可撤销。"],
    // the list's record is corrected by the next list, never by hand
    [
      { enrollmentRecord: "LIST" as const, enrollment: "ENROLLED" as const },
      "withdraw",
      "理由",
      "candidateId",
      "这是报到名单的记录，不能手工撤销；请导入更正后的报到名单。",
    ],
  ] as const)("refuses %j %s (reason %j) on %s: %s", async (data, decision, reason, field, message) => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    const c = await admitted(fx, "拒绝", data);
    signInAs(fx.users.data);
    const result = await confirmEnrollment({ candidateId: c.id, version: c.version, decision, reason });
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { [field]: [message] } });
    expect(await db().candidate.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      enrollmentRecord: c.enrollmentRecord,
      enrollment: c.enrollment,
      version: c.version,
    });
    expect(await auditCount(fx, { entityId: c.id })).toBe(0);
  });
});

describe("enrollmentMismatches", () => {
  it("lists claims without a record, records without a claim, and hand confirmations a later list left out", async () => {
    const fx = await buildCallsFixture({ openPhase: 4 });
    const claimed = await admitted(fx, "只声明", { enrollment: "ENROLLED" });
    const pending = await admitted(fx, "名单有", { enrollment: "PENDING", enrollmentRecord: "LIST" });
    const refused = await admitted(fx, "说不来", { enrollment: "NOT_ENROLLED", enrollmentRecord: "DATA_TEAM" });
    const byHand = await admitted(fx, "手工", { enrollment: "ENROLLED" });
    // agree: not listed
    await admitted(fx, "一致", { enrollment: "ENROLLED", enrollmentRecord: "LIST" });
    await admitted(fx, "未录取", { enrollment: "ENROLLED", admitted: false });
    signInAs(fx.users.data);
    expect(
      await confirmEnrollment({ candidateId: byHand.id, version: 0, decision: "confirm", reason: "签到表" }),
    ).toMatchObject({
      ok: true,
    });
    // no list since the confirmation: not a mismatch
    expect((await mismatchCounts(db(), fx.campaign.id)).confirmedNotOnList).toBe(0);
    // a 报到 list applied after it, which did not turn it into the list's record
    await db().importBatch.create({
      data: {
        campaignId: fx.campaign.id,
        kind: "BAODAO",
        fileName: "报到.csv",
        fileHash: `h-${fx.tag}`,
        status: "APPLIED",
        createdById: fx.users.data.id,
        appliedAt: new Date(Date.now() + 1000),
      },
    });

    const rows = await enrollmentMismatches(db(), fx.campaign.id);
    expect(rows.map((r) => [r.kind, r.candidateId])).toEqual([
      ["claimedNotRecorded", claimed.id],
      ["confirmedNotOnList", byHand.id],
      ["recordedNotClaimed", pending.id],
      ["recordedNotClaimed", refused.id],
    ]);
    expect(rows[0]).toMatchObject({
      callerName: fx.users.callerA.name,
      groupName: fx.groupA.name,
      lastContactAt: null,
    });
    expect(await mismatchCounts(db(), fx.campaign.id)).toEqual({
      claimedNotRecorded: 1,
      recordedNotClaimed: 2,
      confirmedNotOnList: 1,
    });
    expect((await enrollmentMismatches(db(), fx.campaign.id, { kind: "recordedNotClaimed" })).length).toBe(2);
  });
});
