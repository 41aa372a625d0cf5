// Past campaigns are read-only: a page may show one (the cookie of viewCampaign, honoured only for the
// roles that may look back), but every action writes to the campaign in use, so a crafted post with a
// past campaign's record ids is refused and writes nothing.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { viewCampaign } from "@/app/(app)/admin/campaigns/view-actions";
import { editContact, logContact } from "@/app/(app)/calls/actions";
import { moveCandidate } from "@/app/(app)/groups/actions";
import { signOffPayouts } from "@/app/(app)/payouts/actions";
import { claimEscalation } from "@/app/(app)/strike/actions";
import { campaignView, currentCampaign } from "@/lib/campaign/queries";
import { VIEW_COOKIE } from "@/lib/campaign/view";
import { db } from "@/lib/db";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";

// the request's cookies, as the browser would send them back
const jar = vi.hoisted(() => new Map<string, string>());
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    set: (name: string, value: string) => jar.set(name, value),
    delete: (name: string) => jar.delete(name),
  }),
  headers: async () => new Headers(),
}));

const contact = (candidateId: string) => ({
  candidateId,
  idempotencyKey: randomUUID(),
  channel: "PHONE",
  durationSeconds: "120",
  outcome: "CONSULTED",
  notes: "家长说再考虑",
});

describe("a past campaign is read-only", () => {
  let past: CallsFixture;
  let current: CallsFixture;
  let pastLogId: string;
  let pastEscalationId: string;

  beforeAll(async () => {
    past = await buildCallsFixture({ openPhase: 4 });
    signInAs(past.users.callerA);
    const logged = await logContact(contact(past.candidateA.id));
    if (!logged.ok) throw new Error(`setup: ${logged.code}`);
    pastLogId = logged.data.logId;
    const escalation = await db().escalation.create({
      data: {
        campaignId: past.campaign.id,
        candidateId: past.candidateB.id,
        reason: "REGRETTED",
        fromUserId: past.users.callerB.id,
        toTeam: "STRIKE",
        status: "FORWARDED",
      },
    });
    pastEscalationId = escalation.id;
    // next year's campaign becomes the current one; last year's phases are still open by their dates
    current = await buildCallsFixture({ openPhase: 4 });
    await db().campaign.updateMany({ where: { isCurrent: true }, data: { isCurrent: false } });
    await db().campaign.update({ where: { id: current.campaign.id }, data: { isCurrent: true } });
  });

  beforeEach(() => jar.clear());

  async function writes() {
    const [logs, audits, escalation] = await Promise.all([
      db().contactLog.count({ where: { campaignId: past.campaign.id } }),
      db().auditLog.count(),
      db().escalation.findUniqueOrThrow({ where: { id: pastEscalationId } }),
    ]);
    return { logs, audits, escalation };
  }

  it("refuses a contact logged on a past campaign's candidate, even with the view cookie set", async () => {
    jar.set(VIEW_COOKIE, past.campaign.id);
    const before = await writes();
    signInAs(past.users.callerA);
    expect(await logContact(contact(past.candidateA.id))).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(
      await editContact({ logId: pastLogId, channel: "WECHAT", durationSeconds: "60", notes: "改一改" }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await writes()).toEqual(before);
  });

  it("refuses the strike team's claim of a past campaign's case", async () => {
    const before = await writes();
    signInAs(past.users.strike);
    expect(await claimEscalation({ escalationId: pastEscalationId })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(await writes()).toEqual(before);
  });

  it("refuses a leader's move of a past campaign's candidate and the sign-off of its payouts", async () => {
    const before = await writes();
    const candidate = await db().candidate.findUniqueOrThrow({ where: { id: past.candidateA.id } });
    signInAs(past.users.leaderA);
    expect(
      await moveCandidate({
        candidateId: candidate.id,
        toCallerId: past.users.callerA.id,
        version: String(candidate.version),
      }),
    ).toMatchObject({ ok: false, code: "NOT_FOUND" });
    signInAs(current.users.admin);
    expect(await signOffPayouts({ campaignId: past.campaign.id, version: "1", expectedTotalFen: "0" })).toMatchObject({
      ok: false,
      code: "NOT_FOUND",
    });
    expect(await db().payoutRun.count({ where: { campaignId: past.campaign.id } })).toBe(0);
    expect(await writes()).toEqual(before);
  });

  it("still takes the same actions in the current campaign", async () => {
    signInAs(current.users.callerA);
    expect(await logContact(contact(current.candidateA.id))).toMatchObject({ ok: true });
  });

  it("lets an admin switch their pages to the past campaign and back, writing nothing", async () => {
    signInAs(current.users.admin);
    const audits = await db().auditLog.count();
    expect(await viewCampaign({ campaignId: past.campaign.id })).toEqual({ ok: true, data: { past: true } });
    expect(jar.get(VIEW_COOKIE)).toBe(past.campaign.id);
    expect((await currentCampaign())?.id).toBe(past.campaign.id);
    expect(await campaignView()).toMatchObject({ past: true, mayLookBack: true, shown: { id: past.campaign.id } });
    expect(await viewCampaign({ campaignId: "" })).toEqual({ ok: true, data: { past: false } });
    expect(jar.has(VIEW_COOKIE)).toBe(false);
    expect((await currentCampaign())?.id).toBe(current.campaign.id);
    expect(await db().auditLog.count()).toBe(audits);
  });

  it("refuses an unknown campaign, and a caller's switch", async () => {
    signInAs(current.users.inspector);
    expect(await viewCampaign({ campaignId: "no-such-campaign" })).toMatchObject({ ok: false, code: "NOT_FOUND" });
    expect(jar.has(VIEW_COOKIE)).toBe(false);
    signInAs(current.users.callerA);
    expect(await viewCampaign({ campaignId: past.campaign.id })).toMatchObject({ ok: false, code: "FORBIDDEN" });
  });

  it("ignores the cookie for a role that may not look back, and a cookie naming no campaign", async () => {
    jar.set(VIEW_COOKIE, past.campaign.id);
    signInAs(current.users.leaderA);
    expect((await currentCampaign())?.id).toBe(current.campaign.id);
    expect(await campaignView()).toMatchObject({ past: false, mayLookBack: false });
    jar.set(VIEW_COOKIE, "forged");
    signInAs(current.users.admin);
    expect((await currentCampaign())?.id).toBe(current.campaign.id);
  });
});
