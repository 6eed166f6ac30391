import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { passwordResets, users } from "@/db/schema";
import { enqueueEmail } from "@/lib/delivery/email/outbox";
import { renderNoticeEmail } from "@/lib/delivery/email/notice-email";
import { AppError, invalid } from "@/lib/errors";
import { clearLimit } from "./rate-limit";
import { endUserSessions } from "./sessions";
import { accountLimitKey, throttleResetRequest } from "./sign-in-limits";
import { hashPassword } from "./passwords";
import { hashToken, newToken } from "./tokens";

const RESET_TTL_MS = 60 * 60_000;
/** Unused links one account may have outstanding within an hour; more would let anyone mail-bomb a user. */
export const MAX_OPEN_RESETS_PER_HOUR = 3;
export const TOO_MANY_RESETS = "Too many reset requests from your network. Wait an hour and try again.";
const UNUSABLE = "This reset link has expired or was already used. Ask for a new one.";

/**
 * Queues a reset link for the account, if there is one. The answer is the same either way,
 * so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(
  db: Db,
  email: string,
  baseUrl: string,
  ctx: { address?: string | null; now?: Date } = {},
): Promise<{ link: string | null }> {
  // Counted for every request, known address or not, so the limit reveals nothing about accounts.
  const throttle = await throttleResetRequest(db, ctx.address ?? null, ctx.now);
  if (!throttle.allowed) throw new AppError("RATE_LIMITED", TOO_MANY_RESETS);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(and(sql`lower(${users.email}) = ${email.toLowerCase()}`, isNull(users.disabledAt)));
    if (!user) return { link: null };
    // Serialise concurrent requests for one account so the count below is exact.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`reset:${user.id}`}))`);
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(passwordResets)
      .where(
        and(
          eq(passwordResets.userId, user.id),
          isNull(passwordResets.usedAt),
          gt(passwordResets.createdAt, new Date(Date.now() - RESET_TTL_MS)),
        ),
      );
    // Same answer as for an unknown address: the form must not reveal that the limit was hit.
    if (open!.n >= MAX_OPEN_RESETS_PER_HOUR) return { link: null };
    const { token, tokenHash } = newToken();
    await tx
      .insert(passwordResets)
      .values({ userId: user.id, tokenHash, expiresAt: new Date(Date.now() + RESET_TTL_MS) });
    const link = `${baseUrl}/reset-password/${token}`;
    const mail = await renderNoticeEmail({
      subject: "Reset your Knotwork password",
      heading: "Reset your password",
      lead: "Someone asked to reset the password of your Knotwork login. Open the link to choose a new password.",
      action: { label: "Choose a new password", href: link },
      notes: [
        "The link works once and expires in one hour.",
        `If the button does not work, copy this address into your browser: ${link}`,
        "If this was not you, ignore this email: your password is unchanged.",
      ],
      clinicName: null,
    });
    await enqueueEmail(tx, { clinicId: null, to: user.email, kind: "password.reset", ...mail });
    return { link };
  });
}

export async function isResetTokenUsable(db: Db, token: string): Promise<boolean> {
  const [row] = await db
    .select({ id: passwordResets.id })
    .from(passwordResets)
    .where(
      and(
        eq(passwordResets.tokenHash, hashToken(token)),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, new Date()),
      ),
    );
  return Boolean(row);
}

export async function completePasswordReset(db: Db, token: string, password: string): Promise<{ email: string }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ id: passwordResets.id, userId: passwordResets.userId, email: users.email })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, hashToken(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .for("update", { of: passwordResets });
    if (!row) throw invalid(UNUSABLE, { token: [UNUSABLE] });
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password) })
      .where(eq(users.id, row.userId));
    await tx.update(passwordResets).set({ usedAt: new Date() }).where(eq(passwordResets.userId, row.userId));
    // A new password ends every session: whoever knew the old one (or holds an old cookie) is out.
    await endUserSessions(tx, row.userId, "password_changed");
    // Proving control of the mailbox restarts the failed sign-in count.
    await clearLimit(tx, accountLimitKey(row.email));
    return { email: row.email };
  });
}
