import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { createUser, DEMO_PASSWORD } from "@/prisma/seed/factories";
import { captureLog } from "../support/log-lines";

// Issue 11, item 9: next-auth puts the message of an error thrown in authorize into the redirect URL,
// where a NUL byte in the login showed PostgreSQL's own words. authorize is called here as next-auth's
// credentials callback calls it, with the request's cookie jar of the route handler.
const cookieJar = vi.hoisted(() => ({
  cookies: new Map<string, { value: string; options: Record<string, unknown> }>(),
  getAll() {
    return [...this.cookies].map(([name, { value }]) => ({ name, value }));
  },
  set(name: string, value: string, options: Record<string, unknown>) {
    this.cookies.set(name, { value, options });
  },
}));
vi.mock("next/headers", () => ({ cookies: async () => cookieJar }));
// a database that fails as PostgreSQL did, with a message no user may see
const database = vi.hoisted(() => ({
  failing: false,
  error: new Error('invalid byte sequence for encoding "UTF8": 0x00'),
}));
vi.mock("@/lib/db", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/db")>();
  const broken = new Proxy(
    {},
    {
      get() {
        throw database.error;
      },
    },
  );
  return { ...original, db: () => (database.failing ? broken : original.db()) };
});

type Authorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const provider = authOptions.providers[0] as unknown as { options: { authorize: Authorize } };
const authorize = (login: string, password: string, headers: Record<string, string> = {}) =>
  provider.options.authorize({ login, password }, { headers: { "x-huifang-client-address": "10.3.0.1", ...headers } });

describe("authorize", () => {
  beforeEach(async () => {
    cookieJar.cookies.clear();
    await db().loginAttempt.deleteMany();
    await db().user.deleteMany({ where: { auditLogs: { none: {} } } });
    await createUser(db(), { login: "caller01", roles: ["CALLER"] });
  });
  afterEach(() => {
    database.failing = false;
    vi.restoreAllMocks();
  });

  it("answers a NUL byte in the login with a known code", async () => {
    await expect(authorize("caller01\u0000", DEMO_PASSWORD)).rejects.toThrow(/^INVALID$/);
  });

  it("answers any other failure with UNAVAILABLE, and logs the detail on the server only", async () => {
    database.failing = true;
    const log = captureLog();

    await expect(authorize("caller01", DEMO_PASSWORD)).rejects.toThrow(/^UNAVAILABLE$/);
    log.restore();
    expect(log.lines()).toContainEqual(
      expect.objectContaining({
        level: "error",
        msg: "sign-in failed",
        error: expect.objectContaining({ type: "Error" }),
      }),
    );
  });

  it("opens a session and gives the browser a device cookie: httpOnly, SameSite=Lax, Secure over https", async () => {
    const user = (await authorize("caller01", DEMO_PASSWORD, { "x-forwarded-proto": "https" })) as {
      sessionId: string;
    };
    expect(await db().session.findUnique({ where: { id: user.sessionId } })).toMatchObject({ revokedAt: null });
    const [device, ...more] = [...cookieJar.cookies.values()];
    expect(more).toEqual([]);
    expect(device?.options).toMatchObject({ httpOnly: true, sameSite: "lax", secure: true, path: "/" });
    expect(device?.options.maxAge).toBeGreaterThan(150 * 24 * 60 * 60);
  });
});
