import "server-only";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { AppError, invalid } from "@/lib/errors";
import type { SessionInfo } from "@/lib/identity/session-info";
import { BAD_CREDENTIALS, checkPassword, SignInError } from "./login";
import { hashPassword } from "./passwords";
import type { changePasswordBody } from "./session-schemas";
import { endUserSessions } from "./sessions";

/**
 * Changes the signed-in person's password. The current password is checked like a sign-in
 * (same limits, a wrong one is a failed sign-in), so a borrowed unlocked browser cannot be used
 * to guess it. Every OTHER session ends: whoever knew the old password is out, this browser stays.
 */
export async function changePassword(
  db: Db,
  session: SessionInfo,
  input: z.output<typeof changePasswordBody>,
  ctx: { address?: string | null } = {},
): Promise<{ otherSessionsEnded: number }> {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, session.userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  try {
    await checkPassword(db, user.email.toLowerCase(), input.currentPassword, {
      address: ctx.address,
      via: "password_change",
    });
  } catch (err) {
    if (!(err instanceof SignInError)) throw err;
    if (err.message !== BAD_CREDENTIALS) throw new AppError("RATE_LIMITED", err.message);
    throw invalid("Your current password is not right.", {
      currentPassword: ["That is not your current password."],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, session.userId));
    return {
      otherSessionsEnded: await endUserSessions(tx, session.userId, "password_changed", {
        keep: session.sessionId ?? null,
      }),
    };
  });
}
