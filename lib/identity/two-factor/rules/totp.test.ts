import { describe, expect, it } from "vitest";
import { TOTP, Secret } from "otpauth";
import { matchTotpStep, newTotpSecret, timeStepAt, totpCodeAt, totpUri } from "./totp";
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes, normaliseRecoveryCode } from "./recovery-codes";

// RFC 6238 Appendix B, HMAC-SHA1, the 20-byte ASCII seed "12345678901234567890".
const RFC_SEED_BASE32 = Secret.fromLatin1("12345678901234567890").base32;
const RFC_VECTORS: [number, string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];
const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP (RFC 6238)", () => {
  it.each(RFC_VECTORS)("the library gives the RFC's 8-digit code at T=%i", (t, code) => {
    const totp = new TOTP({ secret: Secret.fromBase32(RFC_SEED_BASE32), digits: 8, algorithm: "SHA1", period: 30 });
    expect(totp.generate({ timestamp: t * 1000 })).toBe(code);
  });

  // A 6-digit code is the same truncated value mod 10^6: the last six digits of the RFC's.
  it.each(RFC_VECTORS)(
    "our 6-digit code at T=%i is the RFC code's last six digits, accepted in its step",
    (t, code) => {
      expect(totpCodeAt(RFC_SEED_BASE32, at(t))).toBe(code.slice(-6));
      expect(matchTotpStep(RFC_SEED_BASE32, code.slice(-6), at(t))).toBe(Math.floor(t / 30));
    },
  );

  it("accepts one step either side for a drifting phone clock, and nothing further", () => {
    const code = totpCodeAt(RFC_SEED_BASE32, at(1111111111));
    const step = timeStepAt(at(1111111111));
    expect(matchTotpStep(RFC_SEED_BASE32, code, at(1111111111 + 30))).toBe(step);
    expect(matchTotpStep(RFC_SEED_BASE32, code, at(1111111111 - 30))).toBe(step);
    expect(matchTotpStep(RFC_SEED_BASE32, code, at(1111111111 + 90))).toBeNull();
    expect(matchTotpStep(RFC_SEED_BASE32, code, at(1111111111 - 90))).toBeNull();
  });

  it("refuses anything that is not six digits", () => {
    const code = totpCodeAt(RFC_SEED_BASE32, at(59));
    for (const bad of ["", "12345", "1234567", `${code} `, "abcdef", "94287082"]) {
      expect(matchTotpStep(RFC_SEED_BASE32, bad, at(59))).toBeNull();
    }
  });

  it("makes 160-bit secrets and an otpauth URI an app can scan", () => {
    const s = newTotpSecret();
    expect(s).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(s);
    const uri = new URL(totpUri(s, "tara@clinic.test", "Knotwork"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(s);
    expect(uri.searchParams.get("issuer")).toBe("Knotwork");
    expect(decodeURIComponent(uri.pathname)).toContain("tara@clinic.test");
  });
});

describe("recovery codes", () => {
  it("are ten distinct 80-bit codes, typed back in any case and spacing", () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) {
      expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
      expect(looksLikeRecoveryCode(c.toUpperCase().replace(/-/g, " "))).toBe(true);
      expect(hashRecoveryCode(` ${c.toUpperCase()} `)).toBe(hashRecoveryCode(c));
    }
    expect(normaliseRecoveryCode("AB-cd ef")).toBe("abcdef");
    expect(looksLikeRecoveryCode("123456")).toBe(false);
  });
});
