/**
 * The one error the browser sees from our JSON API (thrown by call() in ./api-client.ts): the
 * server's `{ error: { code, message, fieldErrors?, details? } }`, with the HTTP status.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Copies server field errors onto a react-hook-form instance. */
export function applyFieldErrors(err: unknown, setError: (name: never, e: { message: string }) => void): boolean {
  if (!(err instanceof ApiError)) return false;
  let applied = false;
  for (const [name, messages] of Object.entries(err.fieldErrors)) {
    if (messages[0]) {
      setError(name as never, { message: messages[0] });
      applied = true;
    }
  }
  return applied;
}
