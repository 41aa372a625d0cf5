import { beforeEach, describe, expect, it } from "vitest";
import { UNKNOWN_ADDRESS } from "@/lib/auth/client-address";
import { deviceNonce, newDeviceCookie } from "@/lib/auth/device-cookie";
import { checkCredentials, LOGIN_LIMITS, type SignInAttempt } from "@/lib/auth/sign-in";
import { db } from "@/lib/db";
import { createUser, DEMO_PASSWORD } from "@/prisma/seed/factories";

// docs/reliability.md #25 (issue item 7): OWASP's device cookies. Failures from unknown browsers lock unknown
// browsers out; a browser that signed in to the account before keeps a count of its own.
const SECRET = process.env.NEXTAUTH_SECRET ?? "";
const CAMPUS_NAT = "202.115.0.1";

/** A browser: its cookie jar, with the device cookie the server sets after each successful sign-in. */
class Browser {
  private readonly jar: Record<string, string> = {};
  constructor(readonly address: string) {}

  async signIn(login: string, password: string) {
    const attempt: SignInAttempt = {
      login,
      password,
      address: this.address,
      deviceFor: (normalised) => deviceNonce(normalised, this.jar, SECRET),
    };
    const result = await checkCredentials(db(), attempt);
    if (result.ok) {
      const cookie = newDeviceCookie(result.user.login, SECRET);
      this.jar[cookie.name] = cookie.value;
    }
    return result.ok ? "ok" : result.error;
  }
}

describe("device cookies", () => {
  beforeEach(async () => {
    await db().loginAttempt.deleteMany();
    await db().user.deleteMany();
    await createUser(db(), { login: "admin", roles: ["ADMIN"] });
    await createUser(db(), { login: "caller01", roles: ["CALLER"] });
    await createUser(db(), { login: "caller02", roles: ["CALLER"] });
  });

  it("an attack on admin from unknown browsers locks them out, not admin's own browser", async () => {
    const adminsDesktop = new Browser("10.1.0.5");
    expect(await adminsDesktop.signIn("admin", DEMO_PASSWORD)).toBe("ok");

    for (let i = 0; i < 30; i++) await new Browser(`198.51.100.${i}`).signIn("admin", `guess-${i}`);
    expect(await new Browser("198.51.100.99").signIn("admin", DEMO_PASSWORD)).toBe("LOCKED");
    // admin on a new phone is an unknown browser too, and waits like the attacker
    expect(await new Browser("10.1.0.6").signIn("admin", DEMO_PASSWORD)).toBe("LOCKED");

    expect(await adminsDesktop.signIn("admin", DEMO_PASSWORD)).toBe("ok");
  });

  it("a known browser that keeps failing is locked out by itself, and nobody else is", async () => {
    const stolen = new Browser("10.1.0.7");
    expect(await stolen.signIn("caller01", DEMO_PASSWORD)).toBe("ok");
    const ownersPhone = new Browser("10.1.0.8");
    expect(await ownersPhone.signIn("caller01", DEMO_PASSWORD)).toBe("ok");

    for (let i = 0; i < LOGIN_LIMITS.perDevice; i++)
      expect(await stolen.signIn("caller01", `guess-${i}`)).toBe("INVALID");
    expect(await stolen.signIn("caller01", DEMO_PASSWORD)).toBe("LOCKED");

    expect(await ownersPhone.signIn("caller01", DEMO_PASSWORD)).toBe("ok");
    expect(await new Browser("10.1.0.9").signIn("caller01", DEMO_PASSWORD)).toBe("ok");
  });

  it("spraying 60 accounts from the campus address is limited, and a browser known there still signs in", async () => {
    const teachersDesktop = new Browser(CAMPUS_NAT);
    expect(await teachersDesktop.signIn("caller01", DEMO_PASSWORD)).toBe("ok");

    const sprayer = new Browser(CAMPUS_NAT);
    const answers = [];
    for (let i = 0; i < 60; i++) answers.push(await sprayer.signIn(`student${i}`, "123456"));
    expect(answers.filter((a) => a === "INVALID")).toHaveLength(LOGIN_LIMITS.perAddress);
    expect(answers.slice(LOGIN_LIMITS.perAddress)).toEqual(Array(60 - LOGIN_LIMITS.perAddress).fill("LOCKED"));

    // an unknown browser behind the same address waits, even with the right password
    expect(await new Browser(CAMPUS_NAT).signIn("caller02", DEMO_PASSWORD)).toBe("LOCKED");
    // the browser that had signed in before does not
    expect(await teachersDesktop.signIn("caller01", DEMO_PASSWORD)).toBe("ok");
    // nor does the campus's limit reach another address
    expect(await new Browser("10.2.0.1").signIn("caller02", DEMO_PASSWORD)).toBe("ok");
  });

  it("a device cookie counts for the account it was issued for only", async () => {
    const browser = new Browser(CAMPUS_NAT);
    expect(await browser.signIn("caller01", DEMO_PASSWORD)).toBe("ok");
    for (const login of ["caller01", "caller02"]) {
      for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) await new Browser(`198.51.100.${i}`).signIn(login, "x");
    }
    // both accounts are under attack: the browser is known for caller01, unknown for caller02
    expect(await browser.signIn("caller02", DEMO_PASSWORD)).toBe("LOCKED");
    expect(await browser.signIn("caller01", DEMO_PASSWORD)).toBe("ok");
  });

  it("does not make 'address unknown' one bucket that locks everybody out", async () => {
    for (let i = 0; i < 2 * LOGIN_LIMITS.perAddress; i++) {
      expect(await new Browser(UNKNOWN_ADDRESS).signIn(`spray${i}`, "123456")).toBe("INVALID");
    }
    expect(await new Browser(UNKNOWN_ADDRESS).signIn("caller01", DEMO_PASSWORD)).toBe("ok");
  });
});
