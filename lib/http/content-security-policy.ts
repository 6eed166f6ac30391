/**
 * The Content-Security-Policy of every response, sent by proxy.ts with a fresh nonce per request.
 *
 * Scripts: only those carrying this request's nonce run ('strict-dynamic' then trusts the chunks
 * they load, so dynamic imports work); no 'unsafe-inline', so an injected <script> or inline
 * handler is refused. Next reads the nonce from the request's CSP header and puts it on its own
 * scripts, which is why every HTML page is rendered per request (app/layout.tsx).
 * Styles keep 'unsafe-inline': React's style attributes (chart geometry, progress bars, Radix
 * positioning) cannot carry a nonce, and a nonce in style-src would switch 'unsafe-inline' off.
 * Development adds 'unsafe-eval' (React rebuilds server error stacks with eval there).
 * Not server-only: the proxy imports it.
 */
export function contentSecurityPolicy({
  nonce,
  frameAncestors,
  isDev = process.env.NODE_ENV === "development",
}: {
  nonce: string;
  frameAncestors: string;
  isDev?: boolean;
}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
  ].join("; ");
}

/** 128 random bits, base64: unguessable, and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
