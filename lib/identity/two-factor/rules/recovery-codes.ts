import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // 32 symbols without 0/o, 1/l

/**
 * Ten codes of 16 symbols from a 32-symbol alphabet: 80 random bits each, so a plain
 * SHA-256 of the code is enough to store (no salt or slow hash needed against guessing).
 * Shown as four groups of four for reading aloud and typing.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(16);
    let s = "";
    for (const b of bytes) s += ALPHABET[b % 32];
    return s.match(/.{4}/g)!.join("-");
  });
}

/** Spaces, dashes and case do not matter when a person types a code back. */
export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}

export function hashRecoveryCode(input: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(input)).digest("hex");
}

/** Looks like a recovery code (so a mistyped 6-digit code is not spent against them). */
export function looksLikeRecoveryCode(input: string): boolean {
  return /^[a-z2-9]{16}$/.test(normaliseRecoveryCode(input));
}
