import { beforeAll, describe, expect, it, vi } from "vitest";
import { logContact } from "@/app/(app)/calls/actions";
import { GET as exportCallers } from "@/app/(app)/groups/[groupId]/export/route";
import GroupPage from "@/app/(app)/groups/[groupId]/page";
import {
  campaignFigures,
  campaignGroups,
  groupCallers,
  groupDays,
  groupForViewer,
  groupFunnel,
  myProgress,
} from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { translatorFor } from "@/lib/i18n/messages";
import { renderText } from "@/lib/i18n/text";
import { loadPayoutInput, withNames } from "@/lib/payouts";
import { Week } from "@/lib/time";
import { weeklyStatus } from "@/lib/weekly/deadline";
import { createUser } from "@/prisma/seed/factories";
import { signInAs, testSession } from "../support/session";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

// Pages call requirePermission, which reads the session inside lib/auth/session; here it reads the
// session the test signs in, like the actions do (integration-setup.ts mocks getSessionUser only).
vi.mock("@/lib/auth/session", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/auth/session")>();
  const { can } = await import("@/lib/auth/permissions");
  const { redirect } = await import("next/navigation");
  const { testSession: session } = await import("../support/session");
  return {
    ...original,
    getSessionUser: async () => session.user,
    requireUser: async () => session.user ?? redirect("/login"),
    requirePermission: async (permission: Parameters<typeof can>[1]) => {
      const user = session.user ?? redirect("/login");
      // the real one calls forbidden(), which runs only inside Next (experimental.authInterrupts)
      if (!can(user.roles, permission)) throw new Error(`403 without ${permission}`);
      return user;
    },
  };
});

describe("dashboards on a hand-computed campaign", () => {
  let fx: DashboardFixture;

  beforeAll(async () => {
    fx = await buildDashboardFixture();
  });

  const rowOf = (rows: Awaited<ReturnType<typeof groupCallers>>, id: string) => {
    const row = rows.find((r) => r.callerId === id);
    if (!row) throw new Error(`no row for ${id}`);
    return row;
  };

  it("gives each caller of the group exactly the figures computed by hand, the projected subsidy to the fen", async () => {
    const rows = await groupCallers(fx.campaign.id, fx.groupA, fx.now);
    expect(rows.map((r) => r.name).sort()).toEqual(["甲回访", "甲组长"].sort());
    const leader = rowOf(rows, fx.users.leaderA.id);
    expect(leader).toMatchObject({
      isLeader: true,
      assigned: 2,
      reached: 2,
      admitted: 2,
      enrolled: 2,
      ratePermille: 1000,
      contacts: 8,
      seconds: 2400,
      neverContacted: 0,
      overdue: 0,
      openEscalations: 0,
      // tier ≥99% 100.00 + 10 steps × 0.50 (workload met: 8 contacts, 40 minutes) = 105.00 × 2
      subsidyFen: 21_000,
      meetsWorkload: true,
    });
    expect(leader.steps).toContainEqual({
      kind: "perEnrolled",
      enrolled: 2,
      perStudentFen: 10_500,
      subsidyFen: 21_000,
    });
    // the ids in lib/subsidy's steps are shown as names
    const zh = translatorFor("zh-CN");
    const lines = leader.steps.map((step) => renderText(zh, withNames(step, new Map(Object.entries(leader.names)))));
    expect(lines).toContain("2 人 × 105.00 元 = 210.00 元");
    expect(lines.join("\n")).toContain("担任小组 甲组 组长");
    expect(lines.join("\n")).not.toContain(fx.groupA.id);

    expect(rowOf(rows, fx.users.callerA.id)).toMatchObject({
      isLeader: false,
      assigned: 4,
      reached: 2,
      admitted: 3,
      enrolled: 2,
      ratePermille: 666,
      contacts: 5,
      seconds: 2100,
      neverContacted: 1,
      overdue: 1,
      openEscalations: 1,
      subsidyFen: 0,
      meetsWorkload: false,
    });
  });

  it("draws the funnel, the contacts per day by channel and the rate over time from the tallies", async () => {
    expect(await groupFunnel(fx.campaign.id, fx.groupA.id)).toEqual({
      submitted: 6,
      firstChoice: 5,
      admitted: 5,
      paid: 4,
      enrolled: 4,
      // the fixture's enrolled candidates are on its 报到 list (dashboard-fixture.ts)
      confirmed: 4,
    });
    const days = await groupDays(fx.campaign.id, fx.groupA.id);
    const weekDay = Week.of(fx.now);
    expect(days.contacts).toEqual([
      { day: "2024-07-10", PHONE: 5, SMS: 0, WECHAT: 0, QQ: 0, OTHER: 0 },
      { day: "2024-07-11", PHONE: 5, SMS: 0, WECHAT: 0, QQ: 0, OTHER: 0 },
      { day: weekDay, PHONE: 2, SMS: 0, WECHAT: 1, QQ: 0, OTHER: 0 },
    ]);
    expect(days.rate.at(-1)).toMatchObject({ admitted: 5, enrolled: 4, ratePermille: 800 });
  });

  it("gives the callback lead every group side by side and the campaign's figures", async () => {
    const { lastWeek, groups } = await campaignGroups(fx.campaign.id, fx.now);
    const status = weeklyStatus(lastWeek, null, fx.now);
    expect(groups).toEqual([
      {
        id: fx.groupA.id,
        name: "甲组",
        leaderName: "甲组长",
        assigned: 6,
        admitted: 5,
        enrolled: 4,
        confirmed: 4,
        contacts: 13,
        seconds: 4500,
        weekly: { status, submittedAt: null },
      },
      {
        id: fx.groupB.id,
        name: "乙组",
        leaderName: "乙组长",
        assigned: 1,
        admitted: 1,
        enrolled: 1,
        confirmed: 1,
        contacts: 0,
        seconds: 0,
        weekly: { status, submittedAt: null },
      },
    ]);
    // 甲组长 210.00 + 乙回访 (100% but workload short: 100.00 − 5.00) 95.00 + 乙组 leader bonus at ≥95% 1,500.00
    expect(await campaignFigures(fx.campaign)).toEqual({
      planSize: 1403,
      submitted: 7,
      admitted: 6,
      enrolled: 5,
      ratePermille: 833,
      confirmed: 5,
      confirmedRatePermille: 833,
      committedFen: 180_500,
    });
  });

  it("tells a caller their own progress and what the next tier is worth", async () => {
    const mine = await myProgress(fx.campaign, fx.users.callerA.id);
    expect(mine?.progress).toMatchObject({ onTrack: false, ratePermille: 666, workloadMet: false });
    expect(mine?.progress.messages.map((m) => m.key)).toEqual(["belowBasic", "contactsShort", "minutesShort"]);
    // 2/3: even the last one enrolling gives 3/3 = 100%, the top tier
    expect(mine?.hint).toMatchObject({ status: "reachable", additionalEnrolled: 1 });
    expect(await myProgress(fx.campaign, fx.users.lead.id)).toBeNull();
  });

  it("keeps the tallies equal to a rebuild from the base rows after contacts logged through the action", async () => {
    signInAs(fx.users.callerA);
    const result = await logContact({
      candidateId: fx.candidates.a3.id,
      idempotencyKey: crypto.randomUUID(),
      channel: "QQ",
      durationSeconds: 240,
      outcome: "ENROLLED",
    });
    expect(result).toMatchObject({ ok: true });
    const row = rowOf(await groupCallers(fx.campaign.id, fx.groupA, new Date()), fx.users.callerA.id);
    expect(row).toMatchObject({ reached: 3, enrolled: 3, contacts: 6, seconds: 2340 });

    const snapshot = async () => ({
      candidates: await db().candidateTally.findMany({
        where: { campaignId: fx.campaign.id },
        orderBy: [{ groupId: "asc" }, { callerId: "asc" }],
      }),
      callers: await db().callerTally.findMany({ where: { campaignId: fx.campaign.id }, orderBy: { callerId: "asc" } }),
      days: (
        await db().groupDayTally.findMany({
          where: { campaignId: fx.campaign.id },
          orderBy: [{ groupId: "asc" }, { day: "asc" }],
        })
      ).map(({ admittedDelta: _a, enrolledDelta: _e, ...contacts }) => contacts),
    });
    const kept = await snapshot();
    await db().$executeRaw`SELECT dashboard_rebuild_tallies(${fx.campaign.id})`;
    expect(await snapshot()).toEqual(kept);
  });

  it("reads the payout inputs with the same figures as counting the base rows by credit", async () => {
    const { input } = await loadPayoutInput(db(), fx.campaign.id);
    const plain = await db().$queryRaw<{ callerId: string; assigned: bigint; admitted: bigint; enrolled: bigint }[]>`
      SELECT s."userId" AS "callerId",
             (SELECT count(*) FROM "Candidate" c WHERE c."creditCallerId" = s."userId") AS assigned,
             (SELECT count(*) FROM "Candidate" c WHERE c."creditCallerId" = s."userId" AND c.admitted) AS admitted,
             (SELECT count(*) FROM "Candidate" c WHERE c."creditCallerId" = s."userId" AND c.admitted
                AND c."enrollmentRecord" IS NOT NULL) AS enrolled
      FROM "StaffProfile" s WHERE s."campaignId" = ${fx.campaign.id} AND s."groupId" IS NOT NULL
      ORDER BY s."userId"`;
    expect(input.callers.map((c) => [c.callerId, c.assigned, c.admitted, c.enrolled])).toEqual(
      plain.map((p) => [p.callerId, Number(p.assigned), Number(p.admitted), Number(p.enrolled)]),
    );
    const leader = input.callers.find((c) => c.callerId === fx.users.leaderA.id);
    expect(leader).toMatchObject({ contacts: 8, minutes: 40 });
  });

  describe("who may open a group", () => {
    const open = (groupId: string) => GroupPage({ params: Promise.resolve({ groupId }) });

    it("lets a leader open only their own group: another group's page is 404", async () => {
      expect(await groupForViewer(fx.users.leaderA, fx.campaign.id, fx.groupA.id)).toMatchObject({ id: fx.groupA.id });
      expect(await groupForViewer(fx.users.leaderA, fx.campaign.id, fx.groupB.id)).toBeNull();
      signInAs(fx.users.leaderA);
      await expect(open(fx.groupA.id)).resolves.toBeTruthy();
      await expect(open(fx.groupB.id)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
      await expect(open("no-such-group")).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404/);
    });

    it("lets the callback lead and admins open every group", async () => {
      for (const viewer of [fx.users.lead, fx.users.admin]) {
        signInAs(viewer);
        for (const group of [fx.groupA, fx.groupB]) await expect(open(group.id)).resolves.toBeTruthy();
      }
    });

    it("lets a pure inspector read every group (督查组 reads everything)", async () => {
      const inspector = await createUser(db(), { login: `inspector-${fx.campaign.id}`, roles: ["INSPECTOR"] });
      signInAs(inspector);
      for (const group of [fx.groupA, fx.groupB]) {
        expect(await groupForViewer(inspector, fx.campaign.id, group.id)).toMatchObject({ id: group.id });
        await expect(open(group.id)).resolves.toBeTruthy();
      }
    });

    it("refuses a caller with 403", async () => {
      signInAs(fx.users.callerA);
      await expect(open(fx.groupA.id)).rejects.toThrow("403 without groups.view");
    });

    it("exports the caller table to whoever may open the group, 404 to anyone else", async () => {
      const get = (groupId: string) =>
        exportCallers(new Request(`http://localhost/groups/${groupId}/export`), {
          params: Promise.resolve({ groupId }),
        });
      signInAs(fx.users.leaderA);
      const own = await get(fx.groupA.id);
      expect(own.status).toBe(200);
      expect(own.headers.get("Content-Type")).toContain("spreadsheetml");
      expect((await get(fx.groupB.id)).status).toBe(404);
      signInAs(fx.users.callerA);
      expect((await get(fx.groupA.id)).status).toBe(404);
      signInAs(fx.users.lead);
      expect((await get(fx.groupB.id)).status).toBe(200);
      expect(testSession.user?.id).toBe(fx.users.lead.id);
    });
  });
});
