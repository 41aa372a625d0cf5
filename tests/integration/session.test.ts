import { beforeEach, describe, expect, it } from "vitest";
import { resolveSessionUser } from "@/lib/auth/session-user";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/seed/factories";

describe("resolveSessionUser", () => {
  let userId: string;
  beforeEach(async () => {
    await db().user.deleteMany();
    userId = (await createUser(db(), { login: "leader01", name: "李四", roles: ["GROUP_LEADER", "CALLER"] })).id;
  });

  it("returns the user with roles read from the database", async () => {
    expect(await resolveSessionUser(db(), { userId, sessionVersion: 0 })).toEqual({
      id: userId,
      name: "李四",
      login: "leader01",
      roles: ["GROUP_LEADER", "CALLER"],
    });
  });

  it("follows a demotion at once", async () => {
    await db().user.update({ where: { id: userId }, data: { roles: ["CALLER"] } });
    expect((await resolveSessionUser(db(), { userId, sessionVersion: 0 }))?.roles).toEqual(["CALLER"]);
  });

  it("refuses a cookie of a user disabled since", async () => {
    await db().user.update({ where: { id: userId }, data: { active: false } });
    expect(await resolveSessionUser(db(), { userId, sessionVersion: 0 })).toBeNull();
  });

  it("refuses a cookie issued before the session version moved on", async () => {
    await db().user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
    expect(await resolveSessionUser(db(), { userId, sessionVersion: 0 })).toBeNull();
    expect(await resolveSessionUser(db(), { userId, sessionVersion: 1 })).not.toBeNull();
  });

  it("refuses missing claims and unknown users", async () => {
    expect(await resolveSessionUser(db(), null)).toBeNull();
    expect(await resolveSessionUser(db(), {})).toBeNull();
    expect(await resolveSessionUser(db(), { userId: "no-such-user", sessionVersion: 0 })).toBeNull();
  });
});
