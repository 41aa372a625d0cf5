import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { errorFields, log } from "@/lib/log";
import { clientAddress } from "./client-address";
import { DEVICE_COOKIE_MAX_AGE_SECONDS, deviceNonce, newDeviceCookie } from "./device-cookie";
import { endSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { checkCredentials, type SignInResult } from "./sign-in";

export { SESSION_MAX_AGE_SECONDS };

/**
 * The one code for a sign-in that failed for a reason other than the credentials (the database is
 * down, say). next-auth puts an authorize error's message into the redirect URL the browser reads,
 * so no other message may leave authorize: the detail goes to the server's log.
 */
export const SIGN_IN_UNAVAILABLE = "UNAVAILABLE";

/**
 * Checks the credentials and, when they are right, gives the browser a new device cookie (OWASP: a
 * new one at every successful sign-in, lib/auth/device-cookie.ts). It runs inside the route handler
 * app/api/auth/[...nextauth], where the request's cookies can be read and cookies set on its response.
 */
async function signInWithDeviceCookie(
  credentials: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<SignInResult> {
  const secret = serverEnv().NEXTAUTH_SECRET;
  const cookieJar = await cookies();
  const browserCookies = Object.fromEntries(cookieJar.getAll().map((c) => [c.name, c.value]));
  const result = await checkCredentials(db(), {
    login: credentials?.login,
    password: credentials?.password,
    address: clientAddress(headers),
    deviceFor: (login) => deviceNonce(login, browserCookies, secret),
    userAgent: headers?.["user-agent"],
  });
  if (result.ok) {
    const device = newDeviceCookie(result.user.login, secret);
    cookieJar.set(device.name, device.value, {
      httpOnly: true,
      sameSite: "lax",
      // the web server sets the protocol the browser used (lib/http/forwarded.ts)
      secure: headers?.["x-forwarded-proto"] === "https",
      path: "/",
      maxAge: DEVICE_COOKIE_MAX_AGE_SECONDS,
    });
  }
  return result;
}

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { login: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        let result: SignInResult;
        try {
          result = await signInWithDeviceCookie(credentials, req?.headers);
        } catch (error) {
          log().error({ kind: "sign-in", error: errorFields(error) }, "sign-in failed");
          throw new Error(SIGN_IN_UNAVAILABLE);
        }
        // next-auth hands the message to signIn() as `error`; the login form translates the code
        if (!result.ok) throw new Error(result.error);
        const { id, name, login, sessionVersion } = result.user;
        return { id, name, login, sessionVersion, sessionId: result.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as { id: string; sessionVersion?: number; sessionId?: string };
        token.sub = signedIn.id;
        token.sessionVersion = signedIn.sessionVersion ?? 0;
        token.sessionId = signedIn.sessionId;
      }
      return token;
    },
    session({ session, token }) {
      // Roles are not trusted from the token: lib/auth/session reads them from the database.
      return { ...session, userId: token.sub, sessionId: token.sessionId, sessionVersion: token.sessionVersion };
    },
  },
  events: {
    // next-auth's sign-out only deletes the cookie in this browser; a copy kept elsewhere would still
    // open the app until it expired, so the session ends on the server too.
    async signOut({ token }) {
      if (token?.sessionId) await endSession(db(), token.sessionId);
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    sessionId?: string;
  }
}
