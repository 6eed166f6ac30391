import { Secret, TOTP } from "otpauth";

/*
 * TOTP as every authenticator app expects it: RFC 6238 defaults (HMAC-SHA1, 6 digits,
 * 30-second steps). otpauth does the HMAC and truncation; this file only fixes the
 * parameters and the acceptance rule. Pure: the clock is an argument.
 */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side (±30 s) forgives a phone clock that is slightly off (RFC 6238 §5.2). */
const WINDOW = 1;

function totp(secretBase32: string, label = "", issuer = ""): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A new 160-bit secret (RFC 4226 recommends 160), base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI that the QR code carries. */
export function totpUri(secretBase32: string, accountName: string, issuer: string): string {
  return totp(secretBase32, accountName, issuer).toString();
}

/** The code for a moment (tests and the end-to-end spec compute what the app would show). */
export function totpCodeAt(secretBase32: string, at: Date): string {
  return totp(secretBase32).generate({ timestamp: at.getTime() });
}

/** The time step of a moment. */
export function timeStepAt(at: Date): number {
  return Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code belongs to, if it is valid at `at` within the window; null otherwise.
 * The caller refuses a step at or before the last one used, so a code works once.
 */
export function matchTotpStep(secretBase32: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: at.getTime(), window: WINDOW });
  return delta === null ? null : timeStepAt(at) + delta;
}
