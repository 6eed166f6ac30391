import type { SeededClinic } from "./seeded-clinic";
import { test, signInAs, expectAccessible, expect } from "./fixtures";

const PAGES: { who: "therapist" | "admin"; paths: string[] }[] = [
  { who: "therapist", paths: ["/therapist", "/clients", "/clients/new"] },
  { who: "admin", paths: ["/admin", "/admin/audit", "/admin/outbox"] },
];

/** What a page must show before it is judged, so axe reads the clinic's own content, not a loading state. */
const CONTENT: Record<string, (clinic: SeededClinic) => RegExp | string> = {
  "/clients": (clinic) => clinic.clients[0]!.lastName,
};

for (const { who, paths } of PAGES) {
  test(`main pages pass axe for the ${who}`, async ({ page, clinic }) => {
    await signInAs(page, clinic[who]);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      const content = CONTENT[path]?.(clinic);
      if (content) await expect(page.getByRole("main").getByText(content).first()).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test("the portal passes axe on a phone", async ({ browser, clinic }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  // The spec's portal client has a course of treatment (scripts/e2e-seed/visit-history.ts): a diary and progress to show.
  expect(clinic.visitHistory, "the seeded visit history").toBeTruthy();
  await signInAs(page, clinic.client);
  await page.goto("/portal");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const progress = page.getByRole("region", { name: "Your progress" });
  await expect(progress.getByRole("region", { name: clinic.visitHistory!.complaint })).toBeVisible();
  await expectAccessible(page);
  await ctx.close();
});

test("reset request and clinic chooser pages pass axe", async ({ page, clinic }) => {
  await page.goto("/reset-password");
  await expectAccessible(page);
  await page.getByLabel("Email").fill(clinic.therapist.email);
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(/a reset link is on its way/)).toBeVisible();
});
