import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "@/lib/http/content-security-policy";

/**
 * Runs before routing, on every request but build assets.
 * 1. A path whose percent-encoding is malformed ("%E0%A4%A", "%ZZ") cannot name any page or
 *    resource; left to the router, decoding it for the dynamic segments throws and the server
 *    answers 500. Here it gets a plain 400 instead.
 * 2. Every response gets a Content-Security-Policy with a fresh script nonce. The same policy goes
 *    on the request, where Next finds the nonce and puts it on the scripts it renders.
 */
export async function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid percent-encoding.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const onBookingPage = request.nextUrl.pathname.startsWith("/book/");
  const origins = onBookingPage ? await bookingFrameOrigins(request) : [];
  const csp = contentSecurityPolicy({
    nonce: newNonce(),
    frameAncestors: origins.length ? `'self' ${origins.join(" ")}` : "'none'",
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (!origins.length) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

/**
 * Only the public booking page may be framed, and only by the websites its clinic lists (a
 * clinic setting); everything else gets frame-ancestors 'none'. The proxy does not open the
 * database (Next runs it apart from the app's modules): it asks the page's own public
 * operation, and any failure falls back to 'none'.
 */
async function bookingFrameOrigins(request: NextRequest): Promise<string[]> {
  const slug = request.nextUrl.pathname.split("/")[2] ?? "";
  if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) || slug === "confirm") return [];
  try {
    const res = await fetch(new URL(`/api/public/booking/${slug}`, request.nextUrl.origin), {
      signal: AbortSignal.timeout(2000),
    });
    if (res.ok) return ((await res.json()) as { embedOrigins?: string[] }).embedOrigins ?? [];
  } catch {
    // Unknown clinic, page off, or the app is busy: nobody may frame it.
  }
  return [];
}

export const config = {
  // Build assets are served before the proxy would help; everything else goes through it.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
