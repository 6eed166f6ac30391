/**
 * Edge checks every request passes before its schema sees it (lib/http/route.ts). They hold
 * for every string of every operation, so no area schema has to remember them:
 * - no NUL byte: PostgreSQL text cannot store U+0000 (SQLSTATE 22021 → a 500 and a half-done
 *   request), and a NUL in a search reaches LIKE the same way;
 * - no unpaired UTF-16 surrogate: it cannot be encoded as UTF-8, so the driver would store
 *   U+FFFD silently or fail, and JSON readers elsewhere choke on it.
 * - no number so close to zero that a real column cannot hold it (2.5e-323 → SQLSTATE 22003).
 * Object keys are checked too (they end up in jsonb and in field-error paths). Ranges of
 * numbers and dates are the schemas' job (lib/http/primitives.ts for dates).
 */
import type { FieldErrors } from "@/lib/errors";

export const NUL_MESSAGE = "Remove the invisible control character (NUL) from this text.";
export const SURROGATE_MESSAGE = "This text contains a broken character (an unpaired UTF-16 surrogate).";

export const TINY_NUMBER_MESSAGE = "Round this number: it is too close to zero to store.";
const MIN_MAGNITUDE = 1e-9;

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The message for a string that cannot be stored as text, or null when it is fine. */
export function unsafeStringReason(value: string): string | null {
  if (value.includes("\u0000")) return NUL_MESSAGE;
  if (LONE_SURROGATE.test(value)) return SURROGATE_MESSAGE;
  return null;
}

/** Deep walk of parsed input: one field error per offending string, keyed like zod's paths. */
export function unsafeStringErrors(value: unknown, prefix = ""): FieldErrors {
  const out: FieldErrors = {};
  const visit = (v: unknown, path: string, depth: number) => {
    if (depth > 64) {
      (out[path || "_"] ??= []).push("This value is nested too deeply.");
      return;
    }
    if (typeof v === "number") {
      // No field needs a value this close to zero, and PostgreSQL's real columns cannot hold it
      // (2.5e-323 is a valid double but underflows float4: SQLSTATE 22003).
      if (v !== 0 && Math.abs(v) < MIN_MAGNITUDE) (out[path || "_"] ??= []).push(TINY_NUMBER_MESSAGE);
      return;
    }
    if (typeof v === "string") {
      const reason = unsafeStringReason(v);
      if (reason) (out[path || "_"] ??= []).push(reason);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((item, i) => visit(item, path ? `${path}.${i}` : String(i), depth + 1));
      return;
    }
    if (v && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const keyPath = path ? `${path}.${key}` : key;
        const reason = unsafeStringReason(key);
        if (reason) (out[path || "_"] ??= []).push(reason);
        else visit(item, keyPath, depth + 1);
      }
    }
  };
  visit(value, prefix, 0);
  return out;
}

/** JSON request bodies above this are refused with 413 before they are read in full. */
export const MAX_JSON_BODY_BYTES = 1024 * 1024;

/**
 * Reads a body as UTF-8 text, stopping at `limit` bytes: a declared Content-Length above the
 * limit is refused without reading, and a chunked body is cut off as soon as it passes it.
 * Returns null when the body is too large.
 */
export async function readTextWithin(req: Request, limit: number): Promise<string | null> {
  const declared = Number(req.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) return null;
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  // fatal: invalid UTF-8 is a malformed body (400), not text with U+FFFD in it.
  return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
}
