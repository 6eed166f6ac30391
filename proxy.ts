import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/http/content-security-policy";

/**
 * Runs before routing. A path whose percent-encoding is malformed ("%E0%A4%A", "%ZZ") cannot
 * name any page or resource; left to the router, decoding it for the dynamic segments throws
 * and the server answers 500. Here it gets a plain 400 instead.
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
  if (request.nextUrl.pathname.startsWith("/book/")) return bookingPage(request);
  return NextResponse.next();
}

/**
 * Only the public booking page may be framed, and only by the websites its clinic lists (a
 * clinic setting); everything else keeps frame-ancestors 'none' from next.config.js. The proxy
 * does not open the database (Next runs it apart from the app's modules): it asks the page's
 * own public operation, and any failure falls back to 'none'.
 */
async function bookingPage(request: NextRequest) {
  const slug = request.nextUrl.pathname.split("/")[2] ?? "";
  let origins: string[] = [];
  if (/^[a-z0-9][a-z0-9-]{0,62}$/.test(slug) && slug !== "confirm") {
    try {
      const res = await fetch(new URL(`/api/public/booking/${slug}`, request.nextUrl.origin), {
        signal: AbortSignal.timeout(2000),
      });
      if (res.ok) origins = ((await res.json()) as { embedOrigins?: string[] }).embedOrigins ?? [];
    } catch {
      origins = [];
    }
  }
  const response = NextResponse.next();
  response.headers.set(
    "Content-Security-Policy",
    contentSecurityPolicy(origins.length ? `'self' ${origins.join(" ")}` : "'none'"),
  );
  if (!origins.length) response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  // Build assets are served before the proxy would help; everything else goes through it.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
