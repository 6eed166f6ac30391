import { test, signInAs, expectAccessible, expect } from "./fixtures";

const PAGES = [
  { who: "therapist@demo.test", paths: ["/therapist", "/clients", "/clients/new"] },
  { who: "admin@demo.test", paths: ["/admin", "/admin/audit", "/admin/outbox"] },
];

for (const { who, paths } of PAGES) {
  test(`main pages pass axe for ${who}`, async ({ page }) => {
    await signInAs(page, who);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
  });
}

test("the portal passes axe on a phone", async ({ browser }) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await signInAs(page, "client@demo.test");
  await page.goto("/portal");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectAccessible(page);
  await ctx.close();
});

test("reset request and clinic chooser pages pass axe", async ({ page }) => {
  await page.goto("/reset-password");
  await expectAccessible(page);
  await page.getByLabel("Email").fill("therapist@demo.test");
  await page.getByRole("button", { name: "Email me a reset link" }).click();
  await expect(page.getByText(/a reset link is on its way/)).toBeVisible();
});
