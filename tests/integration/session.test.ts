import { addHours, addMinutes } from "date-fns";
import { beforeEach, describe, expect, it } from "vitest";
import { setUserActive } from "@/app/(app)/admin/staff/actions";
import { signOutEverywhere } from "@/app/(auth)/session-actions";
import { authOptions } from "@/lib/auth/options";
import { endSession, resolveSessionUser, SESSION_MAX_AGE_SECONDS, startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";
import { signInAs } from "../support/session";

type User = Awaited<ReturnType<typeof createUser>>;

describe("resolveSessionUser", () => {
  let leader: User;
  let admin: User;
  const t0 = new Date("2024-07-01T08:00:00Z");

  beforeEach(async () => {
    await db().user.deleteMany({ where: { auditLogs: { none: {} } } });
    leader = await createUser(db(), { login: `leader-${Date.now()}`, name: "李四", roles: ["GROUP_LEADER", "CALLER"] });
    admin = await createUser(db(), { login: `admin-${Date.now()}`, roles: ["ADMIN"] });
    signInAs(null);
  });

  /** What the session cookie of a browser that has just signed in as `user` claims. */
  async function signedIn(user: User, now = t0) {
    const { sessionVersion } = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const sessionId = await startSession(db(), { userId: user.id, userAgent: "test" }, now);
    return { userId: user.id, sessionId, sessionVersion };
  }

  it("returns the user with roles read from the database", async () => {
    const claims = await signedIn(leader);
    expect(await resolveSessionUser(db(), claims, t0)).toEqual({
      id: leader.id,
      name: "李四",
      login: leader.login,
      roles: ["GROUP_LEADER", "CALLER"],
      mustChangePassword: false,
    });
  });

  it("follows a demotion at once", async () => {
    const claims = await signedIn(leader);
    await db().user.update({ where: { id: leader.id }, data: { roles: ["CALLER"] } });
    expect((await resolveSessionUser(db(), claims, t0))?.roles).toEqual(["CALLER"]);
  });

  // docs/reliability.md #26 (issue item 8): a cookie kept from before sign-out opened the app for 12 hours
  it("refuses a kept cookie once its browser signed out, through next-auth's sign-out event", async () => {
    const claims = await signedIn(leader);
    const other = await signedIn(leader);
    const token = { sub: claims.userId, sessionId: claims.sessionId, sessionVersion: claims.sessionVersion };
    await authOptions.events?.signOut?.({ token, session: null as never });
    expect(await resolveSessionUser(db(), claims, t0)).toBeNull();
    // the same person's other browser stays signed in
    expect(await resolveSessionUser(db(), other, t0)).not.toBeNull();
  });

  it("refuses a session past its 12 hours, whatever the cookie says", async () => {
    const claims = await signedIn(leader);
    expect(await resolveSessionUser(db(), claims, addHours(t0, 11))).not.toBeNull();
    expect(await resolveSessionUser(db(), claims, addMinutes(t0, SESSION_MAX_AGE_SECONDS / 60))).toBeNull();
  });

  it("refuses another user's session id, a cookie without one, and unknown ids", async () => {
    const leaderClaims = await signedIn(leader);
    expect(await resolveSessionUser(db(), { ...leaderClaims, userId: admin.id }, t0)).toBeNull();
    expect(await resolveSessionUser(db(), { userId: leader.id, sessionVersion: 0 }, t0)).toBeNull();
    expect(await resolveSessionUser(db(), { userId: leader.id, sessionId: "no-such-session" }, t0)).toBeNull();
    expect(await resolveSessionUser(db(), null)).toBeNull();
    expect(await resolveSessionUser(db(), {})).toBeNull();
  });

  it("ends every session of the account with 退出所有设备, and only that account's, in one audited action", async () => {
    const phone = await signedIn(leader, new Date());
    const desktop = await signedIn(leader, new Date());
    const adminBrowser = await signedIn(admin, new Date());
    signInAs(leader);

    expect(await signOutEverywhere({ confirmed: "yes" })).toEqual({ ok: true, data: { ended: 2 } });

    expect(await resolveSessionUser(db(), phone)).toBeNull();
    expect(await resolveSessionUser(db(), desktop)).toBeNull();
    expect(await resolveSessionUser(db(), adminBrowser)).not.toBeNull();
    const audit = await db().auditLog.findMany({ where: { entityId: leader.id } });
    expect(audit).toMatchObject([{ actorId: leader.id, action: "session.endAll", after: { sessionsEnded: 2 } }]);
    // a new sign-in afterwards works as usual
    expect(await resolveSessionUser(db(), await signedIn(leader, new Date()))).not.toBeNull();
  });

  it("asks for the confirmation the shell sends", async () => {
    const claims = await signedIn(leader, new Date());
    signInAs(leader);
    expect(await signOutEverywhere({})).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await resolveSessionUser(db(), claims)).not.toBeNull();
  });

  it("ends every session of an account the admin disables", async () => {
    const claims = await signedIn(leader, new Date());
    signInAs(admin);
    expect((await setUserActive({ userId: leader.id, active: "false" })).ok).toBe(true);
    expect(await db().session.count({ where: { userId: leader.id, revokedAt: null } })).toBe(0);
    // enabled again, the old cookie still opens nothing
    expect((await setUserActive({ userId: leader.id, active: "true" })).ok).toBe(true);
    expect(await resolveSessionUser(db(), claims)).toBeNull();
  });

  it("notes when a session was last used, at most every 5 minutes", async () => {
    const claims = await signedIn(leader);
    const lastSeen = async () => (await db().session.findUniqueOrThrow({ where: { id: claims.sessionId } })).lastSeenAt;
    await resolveSessionUser(db(), claims, addMinutes(t0, 4));
    expect(await lastSeen()).toEqual(t0);
    await resolveSessionUser(db(), claims, addMinutes(t0, 6));
    expect(await lastSeen()).toEqual(addMinutes(t0, 6));
  });

  it("endSession is idempotent", async () => {
    const claims = await signedIn(leader);
    await endSession(db(), claims.sessionId, addMinutes(t0, 1));
    await endSession(db(), claims.sessionId, addMinutes(t0, 2));
    const row = await db().session.findUniqueOrThrow({ where: { id: claims.sessionId } });
    expect(row.revokedAt).toEqual(addMinutes(t0, 1));
  });
});
