import { type APIRequestContext, type BrowserContext, expect, test } from "@playwright/test";
import { DEMO_PASSWORD } from "./support/demo";
import { forgetSignInAttemptsSince } from "./support/embedded-db";
import { signIn } from "./support/sign-in";

// Issue 11, items 6, 7 and 9 (docs/reliability.md #24, #25), on next-auth's own endpoint of the production
// build. Each test locks an account or this machine's address on purpose, and forgets its attempts
// afterwards so that the specs after it sign in as usual.
const LIMITS = { perAccount: 10, perAddress: 50 };

let started: Date;
test.beforeEach(() => {
  started = new Date();
});
test.afterEach(async () => {
  await forgetSignInAttemptsSince(started);
});

async function csrfToken(request: APIRequestContext): Promise<string> {
  const csrf = await request.get("/api/auth/csrf");
  return ((await csrf.json()) as { csrfToken: string }).csrfToken;
}

/**
 * One POST to the credentials callback, as the login form sends it: the error code next-auth answers,
 * "ok", or "csrf" when next-auth did not take the request at all.
 */
async function attempt(
  request: APIRequestContext,
  login: string,
  password: string,
  { headers = {}, csrf }: { headers?: Record<string, string>; csrf?: string } = {},
): Promise<string> {
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { login, password, csrfToken: csrf ?? (await csrfToken(request)), json: "true" },
  });
  const url = new URL(((await response.json()) as { url: string }).url);
  if (url.searchParams.has("csrf")) return "csrf";
  return url.searchParams.get("error") ?? "ok";
}

async function deviceCookies(context: BrowserContext) {
  return (await context.cookies()).filter((c) => c.name.startsWith("huifang-device-"));
}

test("[AUTH]: a login with a NUL byte is refused with a known code, and no database message", async ({ request }) => {
  const csrf = await request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { login: "admin\u0000", password: DEMO_PASSWORD, csrfToken, json: "true" },
  });
  const body = await response.text();
  expect(new URL((JSON.parse(body) as { url: string }).url).searchParams.get("error")).toBe("INVALID");
  expect(body).not.toMatch(/UTF8|0x00|invalid byte|prisma/i);
});

test("[AUTH]: 40 simultaneous guesses get at most 10 passwords checked; the right one last is refused", async ({
  request,
}) => {
  // one CSRF token for all: fetched per request, the token cookies would overwrite each other
  const csrf = await csrfToken(request);
  const answers = await Promise.all(
    Array.from({ length: 40 }, (_, i) =>
      attempt(request, "caller07", i === 39 ? DEMO_PASSWORD : `guess-${i}`, { csrf }),
    ),
  );
  // INVALID = a password was checked and was wrong; LOCKED = refused before any check
  expect(answers.filter((a) => a === "INVALID").length).toBeLessThanOrEqual(LIMITS.perAccount);
  expect(answers.filter((a) => a !== "INVALID" && a !== "LOCKED")).toEqual([]);
  expect(answers.at(-1)).toBe("LOCKED");
});

test("[AUTH]: a device cookie is set at sign-in: httpOnly, SameSite=Lax, long-lived", async ({ context }) => {
  await signIn(context, "caller08");
  const [device, ...more] = await deviceCookies(context);
  expect(more).toEqual([]);
  expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(device?.value).not.toContain("caller08");
  expect(device?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 150 * 24 * 60 * 60);
});

test("[AUTH]: spraying 60 accounts with forged X-Forwarded-For is limited; a browser known here still signs in", async ({
  browser,
  playwright,
}) => {
  const teachersDesktop = await browser.newContext();
  const sprayer = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const newcomer = await browser.newContext();
  try {
    await signIn(teachersDesktop, "caller08");
    const answers: string[] = [];
    for (let i = 0; i < 60; i++) {
      // a new "client" per guess, as a spoofed header would claim
      const forged = { "x-forwarded-for": `10.${i}.${i}.${i}`, "x-real-ip": `10.${i}.0.1` };
      answers.push(await attempt(sprayer, `spray-${i}`, "123456", { headers: forged }));
    }
    // other specs' failures from this machine in the last 15 minutes count too: at most 50 checks
    expect(answers.filter((a) => a === "INVALID").length).toBeLessThanOrEqual(LIMITS.perAddress);
    expect(answers.slice(LIMITS.perAddress)).toEqual(Array(60 - LIMITS.perAddress).fill("LOCKED"));

    // a browser that never signed in here waits, even with the right password
    expect(await attempt(newcomer.request, "caller09", DEMO_PASSWORD)).toBe("LOCKED");
    // the one that had signed in before goes on
    expect(await attempt(teachersDesktop.request, "caller08", DEMO_PASSWORD)).toBe("ok");
  } finally {
    await teachersDesktop.close();
    await sprayer.dispose();
    await newcomer.close();
  }
});

test("[AUTH]: an attack on admin from unknown browsers does not lock admin's own browser", async ({
  browser,
  playwright,
}) => {
  const adminsDesktop = await browser.newContext();
  const attacker = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    await signIn(adminsDesktop, "admin");
    for (let i = 0; i < LIMITS.perAccount + 2; i++) await attempt(attacker, "admin", `guess-${i}`);
    expect(await attempt(attacker, "admin", DEMO_PASSWORD)).toBe("LOCKED");

    expect(await attempt(adminsDesktop.request, "admin", DEMO_PASSWORD)).toBe("ok");
    const page = await adminsDesktop.newPage();
    await page.goto("/admin");
    await expect(page).toHaveURL(/\/admin$/);
  } finally {
    await adminsDesktop.close();
    await attacker.dispose();
  }
});
