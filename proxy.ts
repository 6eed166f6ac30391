import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before routing. A path whose percent-encoding is malformed ("%E0%A4%A", "%ZZ") cannot
 * name any page or resource; left to the router, decoding it for the dynamic segments throws
 * and the server answers 500. Here it gets a plain 400 instead.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return new NextResponse("Bad request: the address is not valid percent-encoding.", {
      status: 400,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  return NextResponse.next();
}

export const config = {
  // Build assets are served before the proxy would help; everything else goes through it.
  matcher: ["/((?!_next/static|_next/image).*)"],
};
