/** Browser-side client for our JSON API: one error type carrying the server's field errors. */
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

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: init.signal,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "We could not reach Knotwork. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as T;
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const e = body?.error ?? {};
    throw new ApiError(
      res.status,
      e.code ?? "INTERNAL",
      e.message ?? "Something went wrong. Please try again.",
      e.fieldErrors,
      e.details,
    );
  }
  return body as T;
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
