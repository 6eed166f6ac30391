import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import { clientAddress } from "@/lib/http/client-address";

/** Where an audited request came from: its id (for matching logs) and the client's address. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
}

const store = new AsyncLocalStorage<RequestMeta>();

// A caller-supplied request id (from a load balancer) is kept only when it is short and plain,
// so a hostile header cannot push markup or megabytes into the trail.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** Request id and address from request headers (the address as throttling sees it: lib/http/client-address.ts). */
export function requestMetaFromHeaders(headers: Headers, ip?: string | null): RequestMeta {
  const given = headers.get("x-request-id");
  return {
    requestId: given && SAFE_ID.test(given) ? given : randomUUID(),
    ip: ip ?? clientAddress(headers),
  };
}

/** Runs `fn` with this request's meta visible to every audit event it records. */
export function withRequestMeta<T>(meta: RequestMeta, fn: () => Promise<T>): Promise<T> {
  return store.run(meta, fn);
}

/**
 * The current request's meta: set by the route wrapper for API calls; for pages (server
 * components) read from Next's request headers; null outside any request (jobs, scripts).
 */
export async function currentRequestMeta(): Promise<RequestMeta | null> {
  const fromRoute = store.getStore();
  if (fromRoute) return fromRoute;
  try {
    const { headers } = await import("next/headers");
    return requestMetaFromHeaders(await headers());
  } catch {
    return null;
  }
}
