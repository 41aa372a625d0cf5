import { type BrowserContext, expect } from "@playwright/test";
import { DEMO_PASSWORD } from "./demo";

/**
 * Signs a browser context in without the login form (only the login spec uses the form), through the
 * same next-auth credentials endpoint the form's `signIn()` posts to: the session cookie lands in the
 * context, so its pages are signed in. Fails the test when next-auth refuses the credentials.
 */
export async function signIn(
  context: BrowserContext,
  login: string,
  password = DEMO_PASSWORD,
  /** another address of the app than the configured base URL, e.g. http://127.0.0.1:3100 */
  origin = "",
): Promise<void> {
  const csrf = await context.request.get(`${origin}/api/auth/csrf`);
  expect(csrf.ok(), "next-auth CSRF endpoint").toBe(true);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await context.request.post(`${origin}/api/auth/callback/credentials`, {
    form: { login, password, csrfToken, json: "true" },
  });
  expect(response.ok(), `sign-in request for ${login}`).toBe(true);
  const { url } = (await response.json()) as { url: string };
  expect(new URL(url).searchParams.get("error"), `sign-in error for ${login}`).toBeNull();
  const cookies = await context.cookies();
  expect(
    cookies.some((c) => c.name.endsWith("next-auth.session-token")),
    `session cookie for ${login}`,
  ).toBe(true);
}
