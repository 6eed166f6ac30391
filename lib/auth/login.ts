import "server-only";
import { and, eq, gt, sql, desc } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { config } from "@/lib/config";
import { burnVerifyTime, verifyPassword } from "./passwords";

export const signInSchema = z.object({
  // Trim before the format check (zod 4 runs checks in order): phones often add a trailing space.
  email: z.string().trim().toLowerCase().check(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
});

export class SignInError extends Error {}

export const TOO_MANY_ATTEMPTS = (minutes: number) =>
  `Too many failed sign-in attempts. Wait ${minutes} minutes, or reset your password.`;
export const BAD_CREDENTIALS = "That email and password do not match an account.";

/**
 * Checks a sign-in. Failures are counted per account in the database, so the limit holds
 * across several app servers; the count restarts after a successful sign-in.
 */
export async function verifySignIn(db: Db, raw: unknown): Promise<{ id: string; email: string; name: string }> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(BAD_CREDENTIALS);
  const { email, password } = parsed.data;
  const { LOGIN_MAX_FAILURES: max, LOGIN_WINDOW_MINUTES: minutes } = config();
  const windowStart = new Date(Date.now() - minutes * 60_000);

  const [lastSuccess] = await db
    .select({ at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, true), gt(loginAttempts.at, windowStart)))
    .orderBy(desc(loginAttempts.at))
    .limit(1);
  const since = lastSuccess && lastSuccess.at > windowStart ? lastSuccess.at : windowStart;
  const [{ failures } = { failures: 0 }] = await db
    .select({ failures: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.email, email), eq(loginAttempts.succeeded, false), gt(loginAttempts.at, since)));
  if (failures >= max) throw new SignInError(TOO_MANY_ATTEMPTS(minutes));

  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${email}`);
  let ok = false;
  if (user?.passwordHash && !user.disabledAt) ok = await verifyPassword(user.passwordHash, password);
  else await burnVerifyTime(password);

  await db.insert(loginAttempts).values({ email, succeeded: ok });
  if (!ok || !user) throw new SignInError(BAD_CREDENTIALS);
  return { id: user.id, email: user.email, name: user.name };
}
