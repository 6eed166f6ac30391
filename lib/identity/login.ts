import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { loginAttempts, users } from "@/db/schema";
import { burnVerifyTime, verifyPassword } from "./passwords";
import { recordFailedSignIn } from "./failed-sign-in";
import { clearSignInLimits, throttleSignIn } from "./sign-in-limits";

export const signInSchema = z.object({
  // Trim before the format check (zod 4 runs checks in order): phones often add a trailing space.
  email: z.string().trim().toLowerCase().check(z.email("Enter a valid email address.")),
  password: z.string().min(1, "Enter your password."),
});

export class SignInError extends Error {}

export const TOO_MANY_ATTEMPTS = (minutes: number) =>
  `Too many failed sign-in attempts. Wait ${minutes} minutes, or reset your password.`;
export const BAD_CREDENTIALS = "That email and password do not match an account.";

export interface SignInContext {
  /** The caller's address (lib/http/client-address.ts), for the per-address limit; null when unknown. */
  address?: string | null;
  /** Where the password was typed: the sign-in form, or an invitation for an existing login. */
  via?: "signin" | "invitation" | "password_change";
  /** The invitation's clinic, which hears about a wrong password typed on its invitation. */
  clinicId?: string;
  now?: Date;
}

/**
 * Checks an email and password under the sign-in limits: per account, per address and per
 * password tried (spraying one password across many accounts). The counters are taken
 * atomically BEFORE the password is verified, so of 40 simultaneous guesses at most the limit
 * ever reach argon2; the rest are refused without it. A success clears the account's count.
 */
export async function checkPassword(
  db: Db,
  email: string,
  password: string,
  ctx: SignInContext = {},
): Promise<{ id: string; email: string; name: string }> {
  const now = ctx.now ?? new Date();
  const throttle = await throttleSignIn(db, { email, password, address: ctx.address ?? null }, now);
  if (!throttle.allowed) throw new SignInError(TOO_MANY_ATTEMPTS(throttle.waitMinutes));

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

  await db.insert(loginAttempts).values({ email, succeeded: ok, at: now });
  if (!ok || !user) {
    await recordFailedSignIn(db, {
      userId: user?.id ?? null,
      address: ctx.address ?? null,
      via: ctx.via ?? "signin",
      clinicId: ctx.clinicId,
    });
    throw new SignInError(BAD_CREDENTIALS);
  }
  await clearSignInLimits(db, { email, password, address: ctx.address ?? null }, now);
  return { id: user.id, email: user.email, name: user.name };
}

/** The sign-in form: validates the raw credentials, then {@link checkPassword}. */
export async function verifySignIn(
  db: Db,
  raw: unknown,
  ctx: SignInContext = {},
): Promise<{ id: string; email: string; name: string }> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) throw new SignInError(BAD_CREDENTIALS);
  return checkPassword(db, parsed.data.email, parsed.data.password, ctx);
}
