/** Longest last_error kept (the column's CHECK allows 500). */
const MAX_LENGTH = 300;

/**
 * What a failed job records: the error's class and a sanitised message. Messages can carry
 * whatever the failing code put in them, so anything that looks like an address, a long number
 * or a quoted value is masked, control characters go, and the result is bounded. No payloads,
 * no stack traces: the id of the job is enough to look into it.
 */
export function sanitiseError(err: unknown): string {
  const name = err instanceof Error ? err.name || "Error" : "NonError";
  const raw = err instanceof Error ? err.message : "";
  const message = raw
    .replace(/[\u0000-\u001f\u007f]+/g, " ")
    .replace(/[^\s@]+@[^\s@]+/g, "<address>")
    .replace(/"[^"]*"|'[^']*'/g, "<value>")
    .replace(/\d{5,}/g, "<number>")
    .replace(/\s+/g, " ")
    .trim();
  const text = message ? `${name}: ${message}` : name;
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/**
 * A failure another attempt cannot mend (a mail server's 5xx "no such mailbox", say): the worker
 * marks the job dead at once, for an admin to look at, instead of trying again for an hour.
 * `name` is what the admins' list shows before the message, so make it say what happened.
 */
export class PermanentJobError extends Error {
  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
  }
}
