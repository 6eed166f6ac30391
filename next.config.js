// @ts-check
const isDev = process.env.NODE_ENV === "development";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // End-to-end runs build into their own folder (scripts/test-e2e.sh) so a dev server running
  // beside them never reads a build that is being rewritten under it.
  distDir: process.env.KNOTWORK_DIST_DIR || ".next",
  // PGlite ships WASM and must stay a Node dependency: bundling it would copy
  // ~15 MB into the publicly served .next/static (see STACK-NOTES). pdfkit reads its font data
  // from its own folder at run time, and heic-convert ships a large decoder: both stay in node_modules.
  // @react-email/render loads react-dom/server, which the bundler's react-server condition refuses
  // inside route handlers; loaded by Node at run time it renders emails in jobs wherever they run.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "@node-rs/argon2",
    "pg",
    "pdfkit",
    "heic-convert",
    "@react-email/render",
    // Twilio's library (axios, jsonwebtoken) is Node-only and large; Node loads it in the SMS jobs and callback.
    "twilio",
    // pdf.js and its Skia canvas run in a worker thread that loads them from node_modules (lib/documents/pdf-first-page.ts).
    "pdfjs-dist",
    "@napi-rs/canvas",
  ],
  poweredByHeader: false,
  // Metadata is normally streamed after the page body for browsers, so a page briefly has no
  // <title> (axe's document-title failed intermittently on the programme page, and screen readers
  // announce an untitled page). Our metadata is static or cheap: put it in <head> for everyone.
  htmlLimitedBots: /.*/,
  // `npm test` type-checks the whole repository first (tsc); skipping it here saves ~30 s
  // and ~1 GB of memory per build on the 2-core CI machine.
  typescript: { ignoreBuildErrors: true },
  experimental: {
    // forbidden() / unauthorized() give real 403/401 pages from server components.
    authInterrupts: true,
    // `next start` loads every route's server code at start-up by default, on the thread that
    // answers the first request. Embedded mode (no DATABASE_URL) is a developer or demo start
    // whose first page should come at once (issue 16): each route loads on its first request
    // instead. Read when the server starts, not at build time; with PostgreSQL it stays on.
    preloadEntriesOnStart: Boolean(process.env.DATABASE_URL),
  },
  async headers() {
    const common = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "same-origin" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
      // Browsers honour it only over HTTPS, where production runs; one year, as the
      // preload list asks. Not in development, so a local http origin never gets pinned.
      ...(isDev ? [] : [{ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" }]),
    ];
    return [
      // The Content-Security-Policy (with a per-request script nonce) and X-Frame-Options come
      // from proxy.ts: the public booking page may be framed by its clinic's own websites.
      { source: "/:path*", headers: common },
    ];
  },
};

module.exports = nextConfig;
