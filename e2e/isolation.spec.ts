import type { Browser } from "@playwright/test";
import { test, expect, signInAs, findClientId } from "./fixtures";

/** Priya Shah's id (a Demo Clinic client), looked up as Demo's therapist, and a page signed in as `email`. */
async function asOutsider(browser: Browser, email: string) {
  const staff = await browser.newContext();
  await signInAs(await staff.newPage(), "therapist@demo.test");
  const priyaId = await findClientId(staff.request, "Priya");
  await staff.close();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInAs(page, email);
  return { priyaId, ctx, page };
}

test("a client cannot open another client's page or data", async ({ browser }) => {
  const { priyaId, ctx, page } = await asOutsider(browser, "client@demo.test");
  const res = await page.goto(`/clients/${priyaId}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is not part of your role" })).toBeVisible();
  await expect(page.getByText("Priya")).toHaveCount(0);
  const api = await page.request.get(`/api/clients/${priyaId}`);
  expect(api.status()).toBe(403);
  expect(await api.text()).not.toContain("Priya");
  // Made-up exercise and questionnaire ids are not found, with a real 404 status.
  for (const path of ["/portal/programme/", "/portal/questionnaires/"]) {
    const r = await page.goto(path + "00000000-0000-4000-8000-000000000000");
    expect(r?.status(), path).toBe(404);
  }
  // Their own record is there, in the portal.
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: "Hello, Casey" })).toBeVisible();
  await ctx.close();
});

test("another clinic's therapist gets 404 for a Demo Clinic client", async ({ browser }) => {
  const { priyaId, ctx, page } = await asOutsider(browser, "therapist@other.test");
  const res = await page.goto(`/clients/${priyaId}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByText("Priya")).toHaveCount(0);
  // Sub-pages with a loading skeleton answer 404 too, not a 200 that streams "not found".
  for (const sub of ["progress", "chart", "programmes", "questionnaires"]) {
    const r = await page.goto(`/clients/${priyaId}/${sub}`);
    expect(r?.status(), sub).toBe(404);
  }
  const list = await page.request.get("/api/clients?q=Priya");
  expect((await list.json()).items).toEqual([]);
  await ctx.close();
});

test("staff areas are closed to the wrong role", async ({ page }) => {
  await signInAs(page, "therapist@demo.test");
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  expect((await page.request.get("/api/audit")).status()).toBe(403);
});
