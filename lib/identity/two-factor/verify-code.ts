import "server-only";
import { and, count, desc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { twoFactorAttempts, userRecoveryCodes, userTotp, users } from "@/db/schema";
import { verifyPassword } from "../passwords";
import { openSecret } from "./secret-box";
import { matchTotpStep } from "./rules/totp";
import { hashRecoveryCode, looksLikeRecoveryCode } from "./rules/recovery-codes";
import { recordTwoFactorEvent } from "./audit";

/** Wrong codes allowed per account within the window before every check is refused. */
export const MAX_CODE_FAILURES = 5;
export const CODE_WINDOW_MINUTES = 15;

export type CodePurpose = "sign_in" | "confirm" | "disable" | "regenerate";
export type Proof = { code?: string | null; password?: string | null };
export type CodeCheck =
  | { ok: true; method: "totp" | "recovery" | "password" }
  | { ok: false; reason: "not_enrolled" | "wrong" | "replayed" | "limited" };

/**
 * Checks an authenticator code, a recovery code or (for turning off and new recovery codes)
 * the password, for one account.
 *
 * The account's user_totp row is locked for the whole check (SELECT … FOR UPDATE), so
 * concurrent guesses queue: the failure count each one reads includes every earlier guess,
 * and at most MAX_CODE_FAILURES wrong codes are ever evaluated per window. The accepted time
 * step is stored under the same lock, so a code cannot be used twice, even by two requests at once.
 */
export async function checkSecondFactor(
  db: Db,
  userId: string,
  proof: Proof,
  options: { purpose: CodePurpose; now?: Date },
): Promise<CodeCheck> {
  const now = options.now ?? new Date();
  const { purpose } = options;
  const result = await db.transaction(async (tx): Promise<CodeCheck> => {
    const [row] = await tx
      .select({ sealed: userTotp.secretSealed, confirmedAt: userTotp.confirmedAt, lastUsedStep: userTotp.lastUsedStep })
      .from(userTotp)
      .where(eq(userTotp.userId, userId))
      .for("update");
    const pendingAllowed = purpose === "confirm";
    if (!row || (!row.confirmedAt && !pendingAllowed)) return { ok: false, reason: "not_enrolled" };

    const windowStart = new Date(now.getTime() - CODE_WINDOW_MINUTES * 60_000);
    const [lastOk] = await tx
      .select({ at: twoFactorAttempts.at })
      .from(twoFactorAttempts)
      .where(
        and(
          eq(twoFactorAttempts.userId, userId),
          eq(twoFactorAttempts.succeeded, true),
          gt(twoFactorAttempts.at, windowStart),
        ),
      )
      .orderBy(desc(twoFactorAttempts.at))
      .limit(1);
    const since = lastOk?.at ?? windowStart;
    const [{ failures }] = (await tx
      .select({ failures: count() })
      .from(twoFactorAttempts)
      .where(
        and(
          eq(twoFactorAttempts.userId, userId),
          eq(twoFactorAttempts.succeeded, false),
          gt(twoFactorAttempts.at, since),
        ),
      )) as [{ failures: number }];
    if (failures >= MAX_CODE_FAILURES) return { ok: false, reason: "limited" };

    let outcome: CodeCheck = { ok: false, reason: "wrong" };
    const code = proof.code?.trim() ?? "";
    if (/^\d{6}$/.test(code.replace(/\s/g, ""))) {
      const secret = openSecret(row.sealed);
      const step = secret ? matchTotpStep(secret, code.replace(/\s/g, ""), now) : null;
      if (step !== null && row.lastUsedStep !== null && step <= row.lastUsedStep) {
        outcome = { ok: false, reason: "replayed" };
      } else if (step !== null) {
        await tx.update(userTotp).set({ lastUsedStep: step }).where(eq(userTotp.userId, userId));
        outcome = { ok: true, method: "totp" };
      }
    } else if (code && row.confirmedAt && purpose !== "confirm" && looksLikeRecoveryCode(code)) {
      // The conditional update spends the code atomically: of two requests with it, one wins.
      const spent = await tx
        .update(userRecoveryCodes)
        .set({ usedAt: now })
        .where(
          and(
            eq(userRecoveryCodes.userId, userId),
            eq(userRecoveryCodes.codeHash, hashRecoveryCode(code)),
            isNull(userRecoveryCodes.usedAt),
          ),
        )
        .returning({ id: userRecoveryCodes.id });
      if (spent.length > 0) outcome = { ok: true, method: "recovery" };
    } else if (!code && proof.password && (purpose === "disable" || purpose === "regenerate")) {
      const [user] = await tx.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId));
      if (user?.hash && (await verifyPassword(user.hash, proof.password))) outcome = { ok: true, method: "password" };
    }

    await tx.insert(twoFactorAttempts).values({ userId, succeeded: outcome.ok, at: now });
    await recordTwoFactorEvent(
      tx,
      userId,
      outcome.ok ? "two_factor.check_passed" : "two_factor.check_failed",
      outcome.ok ? { purpose, method: outcome.method } : { purpose, reason: outcome.reason },
    );
    return outcome;
  });
  if (!result.ok && result.reason === "limited") {
    await recordTwoFactorEvent(db, userId, "two_factor.check_failed", { purpose, reason: "limited" });
  }
  return result;
}

/** What to tell the person about a refused check. */
export function refusalMessage(reason: Exclude<CodeCheck, { ok: true }>["reason"]): string {
  switch (reason) {
    case "limited":
      return `Too many wrong codes. Wait ${CODE_WINDOW_MINUTES} minutes and try again.`;
    case "replayed":
      return "That code has already been used. Wait for the next one in your authenticator app.";
    case "not_enrolled":
      return "Two-factor sign-in is not switched on for this account.";
    default:
      return "That code is not right. Check the time on your phone, or use a recovery code.";
  }
}
