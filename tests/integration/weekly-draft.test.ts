// The weekly summary's draft (每周学生动态) read as each candidate stood at the end of the week: 未报到 in its
// own list, a withdrawal in the week the data team approved it, the latest result of the week deciding,
// and a past week's draft left as it was by whatever happens later.
import { randomUUID } from "node:crypto";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reviewWithdrawal } from "@/app/(app)/admin/withdrawals/actions";
import { logContact } from "@/app/(app)/calls/actions";
import { db } from "@/lib/db";
import { addDaysToDay, atBeijingClock, Week } from "@/lib/time";
import { buildDraft } from "@/lib/weekly/draft";
import { weekFigures } from "@/lib/weekly/queries";
import { createCandidate, createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";
import { buildDashboardFixture, type DashboardFixture } from "./dashboard-fixture";

describe("the weekly draft, as each candidate stood at the end of the week", () => {
  let fx: DashboardFixture;
  let thisWeek: string;
  let lastWeek: string;
  let twoWeeksAgo: string;
  /** Beijing wall-clock time on a day of last week (0 = Monday). */
  let lastWeekAt: (weekday: number, hour: number) => Date;
  let people: Record<"shao" | "came" | "notComing" | "listed" | "undone" | "withdrawing" | "pending", { id: string }>;
  let withdrawalId: string;
  let data: Awaited<ReturnType<typeof createUser>>;

  const figuresOf = (week: string) => weekFigures(db(), fx.campaign.id, fx.groupA.id, week);
  const draftOf = async (week: string) => buildDraft("甲组", week, await figuresOf(week));
  const names = (list: { name: string }[]) => list.map((p) => p.name).sort();

  async function logged(candidate: { id: string }, startedAt: Date, outcome: string, notes?: string) {
    await db().contactLog.create({
      data: {
        campaignId: fx.campaign.id,
        candidateId: candidate.id,
        callerId: fx.users.callerA.id,
        phase: 4,
        channel: "PHONE",
        startedAt,
        durationSeconds: 240,
        outcome,
        notes,
        idempotencyKey: randomUUID(),
      },
    });
  }

  /** A 报到 list applied at `appliedAt` (and undone at `undoneAt`) that recorded the candidate as enrolled. */
  async function enrollmentList(candidate: { id: string }, appliedAt: Date, undoneAt: Date | null) {
    await db().importBatch.create({
      data: {
        campaignId: fx.campaign.id,
        kind: "BAODAO",
        fileName: "报到名单.xlsx",
        fileHash: randomUUID(),
        status: undoneAt ? "UNDONE" : "APPLIED",
        createdById: data.id,
        appliedAt,
        undoneAt,
        changes: {
          create: { candidateId: candidate.id, before: { enrollment: "PENDING" }, after: { enrollment: "ENROLLED" } },
        },
      },
    });
  }

  beforeAll(async () => {
    fx = await buildDashboardFixture();
    thisWeek = Week.of(fx.now);
    lastWeek = Week.shift(thisWeek, -1);
    twoWeeksAgo = Week.shift(thisWeek, -2);
    lastWeekAt = (weekday, hour) => atBeijingClock(addDaysToDay(lastWeek, weekday), hour);
    data = await createUser(db(), { login: `data-${fx.tag}`, name: "数据组", roles: ["DATA"] });
    const admitted = { intent: "FIRST_CHOICE", admitted: true, paid: true } as const;
    const candidate = (name: string, patch: Record<string, unknown> = admitted) =>
      createCandidate(db(), {
        campaignId: fx.campaign.id,
        groupId: fx.groupA.id,
        assignedCallerId: fx.users.callerA.id,
        name,
        ...patch,
      });
    people = {
      shao: await candidate("邵桂英", { ...admitted, enrollment: "NOT_ENROLLED", noShowReason: "家里有事" }),
      came: await candidate("黄泽洋", { ...admitted, enrollment: "ENROLLED" }),
      notComing: await candidate("李不来", { ...admitted, comeIntent: "WILL_NOT_COME" }),
      listed: await candidate("周名单", { ...admitted, enrollment: "ENROLLED" }),
      undone: await candidate("吴撤销", { ...admitted, comeIntent: "WILL_NOT_COME" }),
      withdrawing: await candidate("姜风华", { intent: "NOT_FIRST_CHOICE", withdrawal: "SUBMITTED" }),
      pending: await candidate("陈待审", { intent: "HESITANT", withdrawal: "SUBMITTED" }),
    };
    const { shao, came, notComing, listed, undone, withdrawing, pending } = people;

    // last week: 未报到 with a reason; 不来 on Monday and 已报到 on Friday; 不来 and nothing since
    await logged(shao, lastWeekAt(1, 10), "NOT_ENROLLED", "家里有事，下周一报到");
    await logged(came, lastWeekAt(0, 9), "WILL_NOT_COME");
    await logged(came, lastWeekAt(4, 16), "ENROLLED");
    await logged(notComing, lastWeekAt(0, 11), "WILL_NOT_COME");
    // 不来 on Monday, then on the 报到 list on Thursday; another 不来 whose list was undone before Sunday
    await logged(listed, lastWeekAt(0, 12), "WILL_NOT_COME");
    await enrollmentList(listed, lastWeekAt(3, 9), null);
    await logged(undone, lastWeekAt(0, 13), "WILL_NOT_COME");
    await enrollmentList(undone, lastWeekAt(3, 10), lastWeekAt(5, 10));

    // two withdrawals asked for two weeks ago; the data team decides one of them this week (below)
    const requested = atBeijingClock(addDaysToDay(twoWeeksAgo, 1), 10);
    for (const c of [withdrawing, pending]) {
      const request = await db().withdrawalRequest.create({
        data: {
          campaignId: fx.campaign.id,
          candidateId: c.id,
          callerId: fx.users.callerA.id,
          status: "SUBMITTED",
          checklist: ["APPLICATION_SIGNED", "GUARDIAN_SIGNED", "ID_COPY", "EXAM_TICKET_COPY"],
          submittedAt: requested,
          createdAt: requested,
        },
      });
      if (c === withdrawing) withdrawalId = request.id;
    }
  });
  beforeEach(() => signInAs(null));

  it("lists 未报到 in its own section, never under 明确不来", async () => {
    const figures = await figuresOf(lastWeek);
    expect(names(figures.notEnrolled)).toEqual(["邵桂英"]);
    expect(names(figures.willNotCome)).not.toContain("邵桂英");
    const body = await draftOf(lastWeek);
    expect(body).toContain(`五、未报到（1 人）\n- 邵桂英（`);
    expect(body).toContain("回访人员 甲回访");
    const willNotCome = body.slice(body.indexOf("四、明确不来"), body.indexOf("五、未报到"));
    expect(willNotCome).not.toContain("邵桂英");
  });

  it("classifies by the latest result up to the week's end: 不来 on Monday and 已报到 on Friday is not 不来", async () => {
    const figures = await figuresOf(lastWeek);
    // 李不来 said so and nothing since; 吴撤销's 报到 list was undone before the week ended
    expect(names(figures.willNotCome)).toEqual(["吴撤销", "李不来"]);
    for (const list of [figures.willNotCome, figures.notEnrolled, figures.hesitant, figures.unreachable]) {
      expect(names(list)).not.toContain("黄泽洋");
      expect(names(list)).not.toContain("周名单");
    }
    // the week before, nothing had been said yet
    const before = await figuresOf(twoWeeksAgo);
    expect([...before.willNotCome, ...before.notEnrolled, ...before.hesitant]).toEqual([]);
  });

  it("counts a withdrawal in the week the data team approved it, and only an approved one", async () => {
    expect((await figuresOf(twoWeeksAgo)).newWithdrawals).toEqual([]);
    expect((await figuresOf(thisWeek)).newWithdrawals).toEqual([]);

    signInAs(data);
    const request = await db().withdrawalRequest.findUniqueOrThrow({ where: { id: withdrawalId } });
    const result = await reviewWithdrawal({ requestId: request.id, version: request.version, decision: "approve" });
    expect(result).toMatchObject({ ok: true, data: { status: "APPROVED" } });

    // asked for two weeks ago, approved this week: this week's new withdrawal; 陈待审 still waits
    expect((await figuresOf(twoWeeksAgo)).newWithdrawals).toEqual([]);
    expect((await figuresOf(thisWeek)).newWithdrawals).toEqual([
      expect.objectContaining({ name: "姜风华", caller: "甲回访" }),
    ]);
    expect(await draftOf(thisWeek)).toContain("二、新增退档（1 人）\n- 姜风华（");
  });

  it("keeps a past week's draft as it was after a later contact and a later approval", async () => {
    const before = await draftOf(lastWeek);
    const beforeFigures = await figuresOf(lastWeek);
    const thisWeekBefore = await figuresOf(thisWeek);
    expect(names(thisWeekBefore.notEnrolled)).toEqual(["邵桂英"]);

    // this week: 邵桂英 comes as she said, through the caller's form
    signInAs(fx.users.callerA);
    const contact = await logContact({
      candidateId: people.shao.id,
      idempotencyKey: randomUUID(),
      channel: "PHONE",
      durationSeconds: "300",
      outcome: "ENROLLED",
    });
    expect(contact).toMatchObject({ ok: true });
    // and the data team approves the other withdrawal, asked for two weeks ago
    signInAs(data);
    const pending = await db().withdrawalRequest.findFirstOrThrow({
      where: { candidateId: people.pending.id },
    });
    expect(
      await reviewWithdrawal({ requestId: pending.id, version: pending.version, decision: "approve" }),
    ).toMatchObject({ ok: true });

    // last week reads the same, to the letter and in every figure
    expect(await draftOf(lastWeek)).toBe(before);
    expect(await figuresOf(lastWeek)).toEqual(beforeFigures);
    // while this week has moved on
    const now = await figuresOf(thisWeek);
    expect(now.notEnrolled).toEqual([]);
    expect(names(now.newWithdrawals)).toEqual(["姜风华", "陈待审"]);
    expect(now.contacts).toBe(thisWeekBefore.contacts + 1);
    expect(now.enrolled).toBe(thisWeekBefore.enrolled + 1);
  });
});
