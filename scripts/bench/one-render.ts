// Runs a page's hot path the way one server render runs it: React's cache() remembers per request (the RSC
// renderer gives each request its own cache), so a use-case asked twice in one render reads once. Outside a
// render cache() calls straight through, which made the growth table count every memoised read again.
// This sets the request cache React's server build looks for (the same hook the renderer fills) for one call.
import * as React from "react";

type CacheDispatcher = { getCacheForType<T>(create: () => T): T };
const internals = (React as unknown as Record<string, { A: CacheDispatcher | null } | undefined>)
  .__SERVER_INTERNALS_DO_NOT_USE_OR_WARN_USERS_THEY_CANNOT_UPGRADE;

/** `fn` with one request's React cache; the bench runs with --conditions=react-server, so cache() is the server's. */
export async function asOneRender<T>(fn: () => Promise<T>): Promise<T> {
  if (!internals) throw new Error("React's server build is not loaded: run with --conditions=react-server");
  const caches = new Map<() => unknown, unknown>();
  const previous = internals.A;
  internals.A = {
    getCacheForType<T>(create: () => T): T {
      if (!caches.has(create)) caches.set(create, create());
      return caches.get(create) as T;
    },
  };
  try {
    return await fn();
  } finally {
    internals.A = previous;
  }
}
