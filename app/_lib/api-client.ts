import type { z } from "zod";
import type { OpRef } from "./op-ref";
import { ApiError } from "./api";

export type { OpRef } from "./op-ref";

export { ops } from "./operations.gen";
export { ApiError, applyFieldErrors } from "./api";

type OpOf<R> = R extends OpRef<infer O> ? O : never;

/** Nothing at all (z.object({}) accepts it; `object` would not match its input type). */
type Empty = Record<never, never>;

/** A schema slot left at defineOperation's default (z.ZodType) was not declared. */
type Declared<S> = [S] extends [undefined] ? never : z.ZodType extends S ? never : S;

type Part<K extends string, S> = [Declared<S>] extends [never]
  ? { [P in K]?: never }
  : K extends "body"
    ? // A declared body is always sent, even when every field is optional: the server requires JSON.
      { [P in K]: z.input<Declared<S>> }
    : Empty extends z.input<Declared<S>>
      ? { [P in K]?: z.input<Declared<S>> }
      : { [P in K]: z.input<Declared<S>> };

/** Path parameters, query and body of an operation, typed by what its schemas accept. */
export type CallArgs<R extends OpRef> = Part<"params", NonNullable<OpOf<R>["params"]>> &
  Part<"query", NonNullable<OpOf<R>["query"]>> &
  Part<"body", NonNullable<OpOf<R>["body"]>> & { signal?: AbortSignal };

/** What a call resolves to: the response schema's output (unknown for an operation without one). */
export type ResponseOf<R extends OpRef> = [Declared<NonNullable<OpOf<R>["response"]>>] extends [never]
  ? unknown
  : z.output<Declared<NonNullable<OpOf<R>["response"]>>>;

/** What an operation's query, body and path parameters accept, for helpers that build them. */
export type QueryOf<R extends OpRef> = z.input<Declared<NonNullable<OpOf<R>["query"]>>>;
export type BodyOf<R extends OpRef> = z.input<Declared<NonNullable<OpOf<R>["body"]>>>;

type HrefArgs<R extends OpRef> = Omit<CallArgs<R>, "body" | "signal">;

/** Optional when the operation needs nothing. */
type ArgsTuple<A> = Empty extends A ? [args?: A] : [args: A];

type QueryValue = string | number | boolean | null | undefined | readonly (string | number | boolean)[];

function buildUrl(ref: OpRef, params?: Record<string, unknown>, query?: Record<string, QueryValue>): string {
  const path = ref.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === "") {
      throw new Error(`${ref.method} ${ref.path}: path parameter "${name}" is missing.`);
    }
    return encodeURIComponent(String(value));
  });
  const search = new URLSearchParams();
  // Absent values are left out, so a filter that is not set never reaches the server as "".
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

/** The URL of a GET operation, for links and downloads (PDF, CSV, .ics). */
export function hrefFor<R extends OpRef>(ref: R, ...[args]: ArgsTuple<HrefArgs<R>>): string {
  const a = (args ?? {}) as { params?: Record<string, unknown>; query?: Record<string, QueryValue> };
  return buildUrl(ref, a.params, a.query);
}

/**
 * Calls one API operation: builds the URL from its method and path, sends the body as JSON, and
 * resolves to the response type its schema declares. Every failure is an ApiError carrying the
 * server's one error shape `{ error: { code, message, fieldErrors?, details? } }`.
 */
export async function call<R extends OpRef>(ref: R, ...[args]: ArgsTuple<CallArgs<R>>): Promise<ResponseOf<R>> {
  const a = (args ?? {}) as {
    params?: Record<string, unknown>;
    query?: Record<string, QueryValue>;
    body?: unknown;
    signal?: AbortSignal;
  };
  const url = buildUrl(ref, a.params, a.query);
  let res: Response;
  try {
    res = await fetch(url, {
      method: ref.method,
      headers: a.body !== undefined ? { "content-type": "application/json" } : undefined,
      body: a.body !== undefined ? JSON.stringify(a.body) : undefined,
      signal: a.signal,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "NETWORK", "We could not reach Knotwork. Check your connection and try again.");
  }
  if (res.status === 204) return undefined as ResponseOf<R>;
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
  return body as ResponseOf<R>;
}
