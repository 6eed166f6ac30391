import fs from "node:fs";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// scripts/test-e2e.sh prepares the database and these variables; see README "Tests".
const port = Number(process.env.E2E_PORT ?? 3917);
const baseURL = `http://127.0.0.1:${port}`;
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
const root = path.resolve(__dirname, "..");

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  outputDir: path.join(__dirname, ".output"),
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // A hang shows as a timeout; slowness is the bench's business. Specs that walk several screens
  // took 49 s of the old 60 s on a quiet machine and ran out beside other CPU-heavy jobs.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: systemChromium
      ? {
          executablePath: systemChromium,
          // Quiet Chromium's own background traffic: the CI machine has no outside network.
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
          ],
        }
      : {},
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    // next directly (not npx) so the PID is the server's and it stops cleanly. Node closes an idle
    // keep-alive socket after 5 s by default; a request the client sends on that socket as it closes
    // fails with ECONNRESET (seen once in CI on a plain GET). 65 s, as `npm start` uses, makes that rare race far rarer.
    command: `node_modules/.bin/next start -p ${port} -H 127.0.0.1 --keepAliveTimeout 65000`,
    cwd: root,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NEXTAUTH_URL: baseURL,
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "",
      ...(process.env.KNOTWORK_DIST_DIR ? { KNOTWORK_DIST_DIR: process.env.KNOTWORK_DIST_DIR } : {}),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
      // The least-privilege roles on PostgreSQL (scripts/test-e2e.sh): platform work's role, no migrating.
      ...(process.env.DATABASE_PLATFORM_URL ? { DATABASE_PLATFORM_URL: process.env.DATABASE_PLATFORM_URL } : {}),
      ...(process.env.KNOTWORK_MIGRATE ? { KNOTWORK_MIGRATE: process.env.KNOTWORK_MIGRATE } : {}),
      ...(process.env.KNOTWORK_DATA_DIR ? { KNOTWORK_DATA_DIR: process.env.KNOTWORK_DATA_DIR } : {}),
      // The e2e mail server (e2e/mail-catcher.ts, started by scripts/test-e2e.sh).
      ...(process.env.E2E_SMTP_PORT ? { SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}` } : {}),
      // The e2e SMS provider (e2e/sms-catcher.ts, started by scripts/test-e2e.sh).
      ...(process.env.E2E_SMS_PORT
        ? {
            TWILIO_ACCOUNT_SID: process.env.TWILIO_ACCOUNT_SID ?? "",
            TWILIO_AUTH_TOKEN: process.env.TWILIO_AUTH_TOKEN ?? "",
            TWILIO_FROM_NUMBER: process.env.TWILIO_FROM_NUMBER ?? "",
            TWILIO_API_BASE_URL: process.env.TWILIO_API_BASE_URL ?? "",
          }
        : {}),
    },
    stdout: "ignore",
    stderr: "pipe",
  },
});
