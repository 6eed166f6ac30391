import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { config } from "@/lib/config";
import { devSecret } from "../dev-secret";

/*
 * The TOTP secret must be readable by the server (it computes codes from it), so unlike a
 * password it cannot be hashed. It is sealed with AES-256-GCM under a key derived (HKDF) from
 * NEXTAUTH_SECRET: a leaked database dump alone does not let anyone mint codes. Rotating
 * NEXTAUTH_SECRET makes sealed secrets unreadable; people then sign in with a recovery code
 * (hashed independently of any key) and enrol again.
 */
function key(): Buffer {
  const ikm = config().NEXTAUTH_SECRET ?? devSecret();
  return Buffer.from(hkdfSync("sha256", ikm, "knotwork", "totp-secret-v1", 32));
}

export function sealSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(
    ".",
  );
}

/** The secret, or null when it was sealed under another key (or tampered with). */
export function openSecret(sealed: string): string | null {
  const [version, iv, tag, body] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || !body) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
