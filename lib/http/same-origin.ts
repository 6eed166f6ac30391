/**
 * Cross-site request defence for state-changing requests (OWASP "verify origin with standard
 * headers"). A browser sends `Sec-Fetch-Site` (all current ones) and `Origin` (on every POST,
 * PUT, PATCH, DELETE, same-site or not); a form or fetch from another site therefore names that
 * site and is refused, whether or not it carries a body. SameSite=Lax cookies stay as a second
 * wall. A request with neither header cannot come from a browser page (scripts, curl, the test
 * suite) and carries no ambient browser credentials, so it goes on to the usual sign-in checks.
 */

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const CROSS_SITE_MESSAGE = "This request came from another site and was refused.";

/**
 * Null when the request may proceed; otherwise why it is refused. `expectedOrigin` is the
 * configured public URL's origin (NEXTAUTH_URL), e.g. https://clinic.example.com.
 */
export function crossSiteRefusal(req: Request, expectedOrigin: string): string | null {
  if (SAFE_METHODS.has(req.method.toUpperCase())) return null;
  const fetchSite = req.headers.get("sec-fetch-site")?.toLowerCase();
  // "none": the user typed or bookmarked it; "same-origin": our own pages.
  if (fetchSite && fetchSite !== "same-origin" && fetchSite !== "none") return CROSS_SITE_MESSAGE;
  const origin = req.headers.get("origin");
  if (origin !== null && origin !== new URL(expectedOrigin).origin) return CROSS_SITE_MESSAGE;
  return null;
}
