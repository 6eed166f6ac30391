/**
 * The Content-Security-Policy of every page, with the one part that varies: frame-ancestors.
 * next.config.js sends it with 'none' everywhere except /book/…, where proxy.ts sends it with
 * the clinic's allowed websites. content-security-policy.test.ts keeps the two in step.
 * Not server-only: the proxy imports it.
 */
export function contentSecurityPolicy(frameAncestors: string, isDev = process.env.NODE_ENV === "development"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
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
