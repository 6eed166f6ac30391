import "server-only";
import { createHash } from "node:crypto";

/** JSON with object keys sorted, so two equal requests give one string whatever the key order. */
function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * A short digest of what a request asked for, stored beside its idempotency key: a retry with the
 * same key must ask for the same thing, or it is a 409 rather than a replay of something else.
 */
export function requestFingerprint(value: unknown): string {
  return createHash("sha256").update(stable(value)).digest("base64url");
}
