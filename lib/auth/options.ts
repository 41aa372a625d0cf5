import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { clientAddress } from "./client-address";
import { checkCredentials } from "./sign-in";

/** Sessions are short: the app is used on shared school computers. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "credentials",
      credentials: { login: { type: "text" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await checkCredentials(db(), {
          login: credentials?.login,
          password: credentials?.password,
          ip: clientAddress(req?.headers?.["x-forwarded-for"], Number(process.env.HUIFANG_TRUSTED_PROXIES ?? 1)),
        });
        // next-auth hands the message to signIn() as `error`; the login form translates the code
        if (!result.ok) throw new Error(result.error);
        const { id, name, login, sessionVersion } = result.user;
        return { id, name, login, sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      // Roles are not trusted from the token: lib/auth/session reads them from the database.
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
  }
}
