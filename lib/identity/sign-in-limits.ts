import "server-only";
import type { Db } from "@/db/client";
import { config } from "@/lib/config";
import { clearLimit, hitAll, passwordKey, refund, type Limit } from "./rate-limit";

interface Attempt {
  email: string;
  password: string;
  address: string | null;
}

/** The per-account counter's key; a password reset clears it. */
export const accountLimitKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;

function signInLimits(a: Attempt): Limit[] {
  const cfg = config();
  const windowMs = cfg.LOGIN_WINDOW_MINUTES * 60_000;
  const limits: Limit[] = [
    { key: accountLimitKey(a.email), limit: cfg.LOGIN_MAX_FAILURES, windowMs },
    // Spraying: one password tried across many accounts, from one address or from many.
    { key: `signin:password:${passwordKey(a.password)}`, limit: cfg.LOGIN_MAX_PER_PASSWORD, windowMs },
  ];
  if (a.address) limits.push({ key: `signin:address:${a.address}`, limit: cfg.LOGIN_MAX_PER_ADDRESS, windowMs });
  return limits;
}

/**
 * Counts the attempt on every limit in one atomic statement, before any password is verified.
 * Refused when any limit is passed; `waitMinutes` is how long until the longest block ends.
 */
export async function throttleSignIn(db: Db, a: Attempt, now: Date) {
  const limits = signInLimits(a);
  const hits = await hitAll(db, limits, now);
  const blocked = hits.filter((h) => !h.allowed);
  const until = Math.max(now.getTime(), ...blocked.map((h) => h.resetAt.getTime()));
  return { allowed: blocked.length === 0, waitMinutes: Math.max(1, Math.ceil((until - now.getTime()) / 60_000)) };
}

/**
 * After a success: the account starts afresh, and the address and password get their hit back,
 * so a clinic where thirty people sign in from one address each morning never locks itself out.
 */
export async function clearSignInLimits(db: Db, a: Attempt, now: Date) {
  const [account, ...shared] = signInLimits(a);
  await clearLimit(db, account!.key);
  for (const l of shared) await refund(db, l.key, now);
}

/** Password-reset requests per address: each one sends mail, so a script could flood inboxes. */
export async function throttleResetRequest(db: Db, address: string | null, now = new Date()) {
  if (!address) return { allowed: true };
  const [h] = await hitAll(
    db,
    [{ key: `reset:address:${address}`, limit: config().RESET_MAX_PER_ADDRESS, windowMs: 60 * 60_000 }],
    now,
  );
  return { allowed: h!.allowed };
}
