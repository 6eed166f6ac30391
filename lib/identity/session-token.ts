import "server-only";
import { hkdf } from "node:crypto";
import { promisify } from "node:util";
import { jwtDecrypt, type JWTPayload } from "jose";

/*
 * next-auth v4's JWT decode derives the encryption key from the secret (HKDF) on every call, and
 * getServerSession builds its whole handler around it: ~10% of a page's CPU in profiles (issue 16).
 * The key depends only on the secret, so it is derived once per secret here; the token format is
 * next-auth's own (A256GCM "dir" JWE, key = HKDF-SHA256(secret, salt "", info below, 32 bytes)),
 * so tokens it issues decode here and the other way round.
 */
const derive = promisify(hkdf);
const keys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: string, salt = ""): Promise<Uint8Array> {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = derive("sha256", secret, salt, info, 32).then((k) => new Uint8Array(k));
    keys.set(id, key);
  }
  return key;
}

/** Same contract as next-auth's `jwt.decode` (used in authOptions), with the key cached. */
export async function decodeSessionToken(params: {
  token?: string;
  secret: string | Buffer;
  salt?: string;
}): Promise<JWTPayload | null> {
  if (!params.token) return null;
  const secret = typeof params.secret === "string" ? params.secret : params.secret.toString("utf8");
  const { payload } = await jwtDecrypt(params.token, await encryptionKey(secret, params.salt), { clockTolerance: 15 });
  return payload;
}

/**
 * The session cookie's value from a cookie store: next-auth splits a token over 4 KB into
 * `name.0`, `name.1`, … and joins them back in that order.
 */
export function sessionCookieValue(get: (name: string) => string | undefined, all: string[], name: string) {
  const whole = get(name);
  if (whole) return whole;
  const chunks = all
    .filter((n) => n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1)))
    .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
  return chunks.length ? chunks.map((n) => get(n) ?? "").join("") : undefined;
}
