import "server-only";
import { cookies } from "next/headers";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/db";
import { config } from "@/lib/config";
import { devSecret } from "./dev-secret";
import { verifySignIn, SignInError } from "./login";
import type { SessionInfo } from "@/lib/http/route";

import { CLINIC_COOKIE_NAME as CLINIC_COOKIE } from "./cookie";

function secret(): string {
  return config().NEXTAUTH_SECRET ?? devSecret();
}

export const authOptions: NextAuthOptions = {
  // Credentials sign-in requires JWT sessions; the JWT holds only the user id.
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  get secret() {
    return secret();
  },
  pages: { signIn: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        try {
          const user = await verifySignIn(await getDb(), credentials);
          return { id: user.id, email: user.email, name: user.name };
        } catch (err) {
          if (err instanceof SignInError) throw new Error(err.message);
          throw err;
        }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
};

/** The signed-in user and the clinic chosen in this browser, or null when signed out. */
export async function currentSession(): Promise<SessionInfo | null> {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const clinicId = (await cookies()).get(CLINIC_COOKIE)?.value ?? null;
  return { userId, clinicId: clinicId && /^[0-9a-f-]{36}$/.test(clinicId) ? clinicId : null };
}
