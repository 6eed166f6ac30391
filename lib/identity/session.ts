import "server-only";
import { cache } from "react";
import { cookies } from "next/headers";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getPlatformDb } from "@/db";
import { config } from "@/lib/config";
import { clientAddress, headerValue } from "@/lib/http/client-address";
import { devSecret } from "./dev-secret";
import { verifySignIn, SignInError } from "./login";
import { checkSession, endSession, startSession } from "./sessions";
import { requireSecondFactor, SecondFactorError } from "./two-factor/sign-in-step";
import { decodeSessionToken, sessionCookieValue } from "./session-token";
import type { SessionInfo } from "@/lib/identity/session-info";

import { CLINIC_COOKIE_NAME as CLINIC_COOKIE } from "./cookie";

function secret(): string {
  return config().NEXTAUTH_SECRET ?? devSecret();
}

/*
 * next-auth v4 refuses database sessions with the Credentials provider ("Signin in with credentials
 * only supported if JWT strategy is enabled"), so the JWT stays, but it carries only a session id
 * (`sid`) and the user id. The session row (lib/identity/sessions.ts) is the truth: currentSession()
 * looks it up on every request, so sign-out, password resets, disabled logins and timeouts end a
 * session at once. The JWT's own 12 h expiry is only a backstop for the cookie.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  // next-auth's own decode re-derives the key on every call (see session-token.ts).
  jwt: { decode: decodeSessionToken },
  get secret() {
    return secret();
  },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authenticator or recovery code", type: "text" },
      },
      async authorize(credentials, req) {
        const db = await getPlatformDb();
        const address = clientAddress(req?.headers);
        try {
          const user = await verifySignIn(db, credentials, { address });
          // Two-factor comes before the session exists (lib/identity/two-factor/sign-in-step.ts).
          await requireSecondFactor(db, user.id, credentials?.code);
          const sid = await startSession(db, {
            userId: user.id,
            userAgent: headerValue(req?.headers, "user-agent"),
            address,
          });
          return { id: user.id, email: user.email, name: user.name, sid };
        } catch (err) {
          if (err instanceof SignInError || err instanceof SecondFactorError) throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sid = (user as { sid?: string }).sid;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      // The browser may know its own session id: the devices page marks "this device" with it.
      if (typeof token.sid === "string") (session as { sid?: string }).sid = token.sid;
      return session;
    },
  },
  events: {
    // Sign-out ends the session row, so a copied cookie is dead too (not just this browser's copy).
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(await getPlatformDb(), token.sid, "signed_out");
    },
  },
};

/** next-auth's cookie name: the `__Secure-` prefix when the public URL is https (as it decides). */
function sessionCookieName(): string {
  return config().NEXTAUTH_URL?.startsWith("https://") ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}

/**
 * The signed-in user and the clinic chosen in this browser, or null when signed out or the session ended.
 *
 * Reads the session cookie directly instead of through getServerSession: that call builds
 * next-auth's whole request handler and runs the callbacks just to read `sid` (issue 16), and
 * the token's only job here is to name the server-side session row, which is checked on every
 * request. React's cache() makes it one resolution per request for a layout and its page.
 */
export const currentSession = cache(async (): Promise<SessionInfo | null> => {
  const jar = await cookies();
  const token = sessionCookieValue(
    (n) => jar.get(n)?.value,
    jar.getAll().map((c) => c.name),
    sessionCookieName(),
  );
  if (!token) return null;
  let sid: unknown;
  try {
    sid = (await decodeSessionToken({ token, secret: secret() }))?.sid;
  } catch {
    // Expired, tampered with, or signed with another secret: signed out, as next-auth answers.
    return null;
  }
  if (typeof sid !== "string") return null;
  const live = await checkSession(await getPlatformDb(), sid);
  if (!live) return null;
  const clinicId = jar.get(CLINIC_COOKIE)?.value ?? null;
  return {
    userId: live.userId,
    sessionId: sid,
    clinicId: clinicId && /^[0-9a-f-]{36}$/.test(clinicId) ? clinicId : null,
  };
});
