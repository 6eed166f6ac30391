import "server-only";
import { cookies } from "next/headers";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { config } from "@/lib/config";
import { clientAddress, headerValue } from "@/lib/http/client-address";
import { devSecret } from "./dev-secret";
import { verifySignIn, SignInError } from "./login";
import { checkSession, endSession, startSession } from "./sessions";
import { requireSecondFactor, SecondFactorError } from "./two-factor/sign-in-step";
import type { SessionInfo } from "@/lib/http/route";

import { CLINIC_COOKIE_NAME as CLINIC_COOKIE } from "./cookie";

function secret(): string {
  return config().NEXTAUTH_SECRET ?? devSecret();
}

/*
 * next-auth v4 refuses database sessions with the Credentials provider ("Signin in with credentials
 * only supported if JWT strategy is enabled"), so the JWT stays, but it carries only a session id
 * (`sid`) and the user id. The session row (lib/auth/sessions.ts) is the truth: currentSession()
 * looks it up on every request, so sign-out, password resets, disabled logins and timeouts end a
 * session at once. The JWT's own 12 h expiry is only a backstop for the cookie.
 */
export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
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
        const db = await getDb();
        const address = clientAddress(req?.headers);
        try {
          const user = await verifySignIn(db, credentials, { address });
          // Two-factor comes before the session exists (lib/auth/two-factor/sign-in-step.ts).
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
      if (typeof token?.sid === "string") await endSession(await getDb(), token.sid, "signed_out");
    },
  },
};

/** The signed-in user and the clinic chosen in this browser, or null when signed out or the session ended. */
export async function currentSession(): Promise<SessionInfo | null> {
  const session = await getServerSession(authOptions);
  const sid = (session as { sid?: string } | null)?.sid;
  if (!sid) return null;
  const live = await checkSession(await getDb(), sid);
  if (!live) return null;
  const clinicId = (await cookies()).get(CLINIC_COOKIE)?.value ?? null;
  return {
    userId: live.userId,
    sessionId: sid,
    clinicId: clinicId && /^[0-9a-f-]{36}$/.test(clinicId) ? clinicId : null,
  };
}
