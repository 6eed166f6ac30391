import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import QRCode from "qrcode";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinics, userRecoveryCodes, userTotp, users } from "@/db/schema";
import { AppError, conflict } from "@/lib/errors";
import type { Actor } from "../actor";
import { sealSecret } from "./secret-box";
import { newTotpSecret, totpUri } from "./rules/totp";
import { hashRecoveryCode, newRecoveryCodes } from "./rules/recovery-codes";
import { checkSecondFactor, refusalMessage } from "./verify-code";
import { recordTwoFactorEvent } from "./audit";
import type { confirmTwoFactorBody, TwoFactorStatus, twoFactorProofBody } from "./schemas";

const ISSUER = "Knotwork";

export async function getTwoFactorStatus(db: Db, userId: string, actor: Actor | null): Promise<TwoFactorStatus> {
  const [row] = await db.select({ at: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, userId));
  const [{ left }] = (await db
    .select({ left: count() })
    .from(userRecoveryCodes)
    .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)))) as [{ left: number }];
  let requiredByClinic = false;
  if (actor) {
    const [c] = await db.select({ r: clinics.requireTwoFactor }).from(clinics).where(eq(clinics.id, actor.clinicId));
    requiredByClinic = Boolean(c?.r) && (actor.twoFactorSetupRequired || actor.roles.some((r) => r !== "client"));
  }
  return {
    enabled: Boolean(row?.at),
    pending: Boolean(row && !row.at),
    confirmedAt: row?.at ? row.at.toISOString() : null,
    recoveryCodesLeft: row?.at ? left : 0,
    requiredByClinic,
  };
}

/**
 * Starts (or restarts) enrolment with a new secret. Nothing changes at sign-in until the
 * person proves their app holds the secret by confirming a first code.
 */
export async function startTwoFactorSetup(db: Db, userId: string) {
  const [user] = await db.select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ at: userTotp.confirmedAt })
      .from(userTotp)
      .where(eq(userTotp.userId, userId))
      .for("update");
    if (row?.at) throw conflict("Two-factor sign-in is already on. Turn it off first to move it to another app.");
    await tx
      .insert(userTotp)
      .values({ userId, secretSealed: sealSecret(secret) })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { secretSealed: sealSecret(secret), lastUsedStep: null, createdAt: new Date() },
      });
  });
  const otpauthUri = totpUri(secret, user.email, ISSUER);
  const svg = await QRCode.toString(otpauthUri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secret, otpauthUri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

async function replaceRecoveryCodes(tx: Db, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  await tx.insert(userRecoveryCodes).values(codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })));
  return codes;
}

/** Switches two-factor on after a first valid code; returns the recovery codes, shown this once. */
export async function confirmTwoFactor(
  db: Db,
  userId: string,
  input: z.output<typeof confirmTwoFactorBody>,
  now?: Date,
): Promise<{ recoveryCodes: string[] }> {
  const [row] = await db.select({ at: userTotp.confirmedAt }).from(userTotp).where(eq(userTotp.userId, userId));
  if (!row) throw conflict("Start the set-up first: scan the QR code, then enter a code.");
  if (row.at) throw conflict("Two-factor sign-in is already on.");
  const check = await checkSecondFactor(db, userId, { code: input.code }, { purpose: "confirm", now });
  if (!check.ok) throw codeError(check.reason);
  const recoveryCodes = await db.transaction(async (tx) => {
    // Only the pending row is confirmed: a concurrent second confirmation finds nothing to do.
    const done = await tx
      .update(userTotp)
      .set({ confirmedAt: now ?? new Date() })
      .where(and(eq(userTotp.userId, userId), isNull(userTotp.confirmedAt)))
      .returning({ userId: userTotp.userId });
    if (done.length === 0) throw conflict("Two-factor sign-in is already on.");
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordTwoFactorEvent(tx, userId, "two_factor.enabled");
    return codes;
  });
  return { recoveryCodes };
}

/** New recovery codes (the old ones stop working), after the password or a current code. */
export async function regenerateRecoveryCodes(
  db: Db,
  userId: string,
  proof: z.output<typeof twoFactorProofBody>,
  now?: Date,
): Promise<{ recoveryCodes: string[] }> {
  const check = await checkSecondFactor(db, userId, proof, { purpose: "regenerate", now });
  if (!check.ok) throw codeError(check.reason, Boolean(proof.password && !proof.code));
  const recoveryCodes = await db.transaction(async (tx) => {
    const codes = await replaceRecoveryCodes(tx, userId);
    await recordTwoFactorEvent(tx, userId, "two_factor.recovery_codes_replaced");
    return codes;
  });
  return { recoveryCodes };
}

/** Turns two-factor off, after the password or a current code. */
export async function disableTwoFactor(
  db: Db,
  userId: string,
  proof: z.output<typeof twoFactorProofBody>,
  now?: Date,
): Promise<void> {
  const check = await checkSecondFactor(db, userId, proof, { purpose: "disable", now });
  if (!check.ok) throw codeError(check.reason, Boolean(proof.password && !proof.code));
  await db.transaction(async (tx) => {
    await tx.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
    await tx.delete(userTotp).where(eq(userTotp.userId, userId));
    await recordTwoFactorEvent(tx, userId, "two_factor.disabled");
  });
}

function codeError(reason: Parameters<typeof refusalMessage>[0], byPassword = false): AppError {
  if (reason === "limited") return new AppError("RATE_LIMITED", refusalMessage(reason));
  if (reason === "not_enrolled") return conflict(refusalMessage(reason));
  if (byPassword)
    return new AppError("INVALID", "That password is not right.", { password: ["That password is not right."] });
  return new AppError("INVALID", refusalMessage(reason), { code: [refusalMessage(reason)] });
}
