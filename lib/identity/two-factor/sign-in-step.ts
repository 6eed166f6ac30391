import "server-only";
import type { Db } from "@/db/client";
import { hasTwoFactor } from "./status";
import { checkSecondFactor, refusalMessage } from "./verify-code";

/**
 * The answer the sign-in form recognises to reveal its code step. It is only ever given after
 * a correct password, in the same way a wrong code is.
 */
export const TWO_FACTOR_NEEDED = "TWO_FACTOR_NEEDED";

export class SecondFactorError extends Error {}

/**
 * The second step of sign-in, run by authorize() after the password matched and before any
 * session exists. The form sends the password again with the code (one Credentials call
 * carries both), so there is no half-signed-in state and no extra token to secure.
 */
export async function requireSecondFactor(db: Db, userId: string, code: unknown, now?: Date): Promise<void> {
  if (!(await hasTwoFactor(db, userId))) return;
  const text = typeof code === "string" ? code.trim().slice(0, 64) : "";
  if (!text) throw new SecondFactorError(TWO_FACTOR_NEEDED);
  const check = await checkSecondFactor(db, userId, { code: text }, { purpose: "sign_in", now });
  if (!check.ok) throw new SecondFactorError(refusalMessage(check.reason));
}
