import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { test as base, expect, type Page, type APIRequestContext } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import type { SeededClinic, SeedManifest } from "./seeded-clinic";

export const DEMO_PASSWORD = "knotwork-demo";

/** Someone to sign in as: a demo account's email, or a seeded person (who carries the run's password). */
type Who = string | { email: string; password: string };

/** Signs in through next-auth's own endpoints (faster and steadier than the form). */
export async function apiLogin(request: APIRequestContext, who: Who, password = DEMO_PASSWORD) {
  if (typeof who !== "string") return apiLogin(request, who.email, who.password);
  const email = who;
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
  });
  expect(res.ok(), `sign-in as ${email}`).toBeTruthy();
  const me = await request.get("/api/me");
  expect(me.status(), `session for ${email}`).toBe(200);
}

export async function signInAs(page: Page, who: Who, password = DEMO_PASSWORD) {
  await apiLogin(page.request, who, password);
}

let manifest: SeedManifest | undefined;
/**
 * The clinic scripts/e2e-seed.ts made for this spec file alone (its staff, clients, rooms and
 * types, under random names): specs share no people, so they run in parallel without contending.
 */
function seededClinicOf(specFile: string): SeededClinic {
  const file = process.env.E2E_MANIFEST;
  if (!file) throw new Error("E2E_MANIFEST is not set: run the e2e tests through scripts/test-e2e.sh");
  manifest ??= JSON.parse(fs.readFileSync(file, "utf8")) as SeedManifest;
  const clinic = manifest[path.basename(specFile)];
  if (!clinic) throw new Error(`no seeded clinic for ${path.basename(specFile)}: is it new since the seed ran?`);
  return clinic;
}

/** Fails on any WCAG 2.x A/AA violation axe finds on the page as it stands. */
export async function expectAccessible(page: Page) {
  // After a client-side navigation Next streams the new page's <title> in after its body, so
  // a check that runs in between finds no title (seen once in CI on the programme history).
  // Wait for the title the reader will hear, then judge the page as it settles.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0]?.target.join(" ")}`,
  );
  expect(summary, "axe violations").toEqual([]);
}

export function uniqueSuffix() {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Looks a Demo Clinic client up through the API as the given staff member. */
export async function findClientId(request: APIRequestContext, query: string): Promise<string> {
  const res = await request.get(`/api/clients?q=${encodeURIComponent(query)}`);
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.items.length, `client matching ${query}`).toBeGreaterThan(0);
  return body.items[0].id;
}

/**
 * Books an appointment that may be marked arrived or completed now: the first free 5-minute start in the next
 * hour, else the latest free one earlier today or last night (up to 12 hours back). Several specs book the same
 * therapist at once, and one hour holds only two 30-minute appointments.
 */
export async function bookCompletable(
  request: APIRequestContext,
  data: { clientId: string; therapistUserId: string; typeId: string },
): Promise<{ id: string; startsAt: string; version: number }> {
  const base = Math.ceil(Date.now() / 300_000) * 300_000;
  const offsets = [
    ...Array.from({ length: 11 }, (_, i) => (i + 1) * 5),
    ...Array.from({ length: 144 }, (_, i) => -(i + 1) * 5),
  ];
  for (const minutes of offsets) {
    const res = await request.post("/api/appointments", {
      data: {
        ...data,
        roomId: null,
        startsAt: new Date(base + minutes * 60_000).toISOString(),
        allowOutsideHours: true,
        idempotencyKey: randomUUID(),
      },
    });
    if (res.status() === 201) return res.json();
    expect(res.status(), await res.text()).toBe(409);
  }
  throw new Error("no free time for the appointment in the last 12 hours or the next hour");
}

/**
 * Every test's browser context reports Content-Security-Policy violations, and any one fails the
 * test: the policy allows scripts by per-request nonce only (proxy.ts), so a page that needs an
 * inline script, eval or a foreign source would silently lose behaviour in production.
 */
export const test = base.extend<{ cspGuard: void; clinic: SeededClinic }>({
  // Playwright reads which fixtures a fixture needs from its first argument: this one needs none.
  clinic: async ({}, provide, testInfo) => {
    // The spec file the test runs in (titlePath starts with it), not the file that declared it:
    // clinic-locale.spec.ts registers tests declared in e2e/clinic-locale-fields.ts.
    await provide(seededClinicOf(testInfo.titlePath[0] ?? testInfo.file));
  },
  cspGuard: [
    async ({ context }, use) => {
      const violations: string[] = [];
      await context.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (e) =>
          console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`),
        );
      });
      context.on("console", (m) => {
        if (m.type() === "error" && /CSP violation|Content Security Policy/i.test(m.text())) {
          violations.push(`${m.page()?.url()}: ${m.text()}`);
        }
      });
      await use();
      expect(violations, "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});
export { expect };
