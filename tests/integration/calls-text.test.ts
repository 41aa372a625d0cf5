// The caller's and the leader's refusals in the reader's language: the same checks as in Chinese
// (calls-actions, weekly), rendered in English for a reader who chose English, without a Chinese word.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { logContact } from "@/app/(app)/calls/actions";
import { saveWeeklyDraft } from "@/app/(app)/groups/[groupId]/weekly/actions";
import { db } from "@/lib/db";
import { Week } from "@/lib/time";
import { campaignDays, type DayRange } from "@/lib/workflow";
import { buildCallsFixture, type CallsFixture } from "../support/calls-fixtures";
import { signInAs } from "../support/session";
import { buildDashboardFixture } from "./dashboard-fixture";

const cookie = vi.hoisted(() => ({ locale: undefined as string | undefined }));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    get: (name: string) => (name === "NEXT_LOCALE" && cookie.locale ? { value: cookie.locale } : undefined),
  }),
}));

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function contact(candidateId: string, patch: Record<string, unknown> = {}) {
  return {
    candidateId,
    idempotencyKey: randomUUID(),
    channel: "WECHAT",
    durationSeconds: "180",
    outcome: "CONSULTED",
    ...patch,
  };
}

describe("a contact's refusals in English", () => {
  let fx: CallsFixture;
  beforeEach(async () => {
    fx = await buildCallsFixture({ openPhase: 4 });
    cookie.locale = "en";
    signInAs(fx.users.callerA);
  });

  it("names the schema's limits", async () => {
    const result = await logContact(
      contact(fx.candidateA.id, { durationSeconds: "-1", notes: "x".repeat(1001), channel: "FAX" }),
    );
    expect(result).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      error: "Some fields are not valid. Correct them and submit again.",
      fieldErrors: {
        channel: ["Choose a channel."],
        durationSeconds: ["The duration cannot be negative."],
        notes: ["Notes can be at most 1000 characters."],
      },
    });
    expect(JSON.stringify(result)).not.toMatch(CJK);
  });

  it("names the campaign's days for a follow-up outside them, and asks for a no-show's reason", async () => {
    const windows = await db().phaseWindow.findMany({ where: { campaignId: fx.campaign.id } });
    const { first, last } = campaignDays(windows) as DayRange;
    expect(await logContact(contact(fx.candidateA.id, { nextFollowUpAt: "9999-12-31" }))).toMatchObject({
      ok: false,
      fieldErrors: { nextFollowUpAt: [`The follow-up date must be between ${first} and ${last}.`] },
    });
    expect(await logContact(contact(fx.candidateA.id, { outcome: "NOT_ENROLLED" }))).toMatchObject({
      ok: false,
      fieldErrors: { noShowReason: ["Enter why the candidate did not enroll."] },
    });
  });

  it("speaks Chinese, word for word, to a reader who keeps the default", async () => {
    cookie.locale = undefined;
    const result = await logContact(contact(fx.candidateA.id, { notes: "x".repeat(1001) }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { notes: ["备注最多 1000 字。"] } });
  });
});

describe("a weekly summary's refusals in English", () => {
  it("says what is wrong with the week and the text", async () => {
    const fx = await buildDashboardFixture();
    cookie.locale = "en";
    signInAs(fx.users.leaderB);
    const week = Week.of(fx.now);
    const empty = await saveWeeklyDraft({ groupId: fx.groupB.id, weekStart: week, body: "  " });
    expect(empty).toMatchObject({ ok: false, fieldErrors: { body: ["The summary cannot be empty."] } });
    const long = await saveWeeklyDraft({ groupId: fx.groupB.id, weekStart: week, body: "x".repeat(8001) });
    expect(long).toMatchObject({ ok: false, fieldErrors: { body: ["The summary can be at most 8000 characters."] } });
    const future = await saveWeeklyDraft({ groupId: fx.groupB.id, weekStart: "2099-01-05", body: "x" });
    expect(future).toMatchObject({
      ok: false,
      fieldErrors: { weekStart: ["This week has not started yet; its summary cannot be written."] },
    });
    expect(JSON.stringify([empty, long, future])).not.toMatch(CJK);
  });
});
