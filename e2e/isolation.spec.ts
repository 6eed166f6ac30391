import type { Browser } from "@playwright/test";
import { test, expect, signInAs } from "./fixtures";
import type { SeededClient, SeededClinic } from "./seeded-clinic";

/** Matches a name as a word, case and all ("Kit" in a page, not "kit" in "toolkit"). */
const word = (name: string) => new RegExp(`\\b${name}\\b`);

/**
 * One of this clinic's clients (not the portal one) whose first name none of the other clinic's
 * staff carries: the clinics draw first names from the same pool, and the pages below must not
 * show the client's first name while they do show the signed-in person's own.
 */
function theirClient(clinic: SeededClinic): SeededClient {
  const other = secondClinic(clinic);
  const taken = [other.admin, other.therapist, other.therapist2].map((s) => s.firstName);
  return clinic.clients.find((c) => !taken.includes(c.firstName))!;
}

function secondClinic(clinic: SeededClinic): SeededClinic {
  if (!clinic.other) throw new Error("isolation.spec.ts has a second clinic (scripts/e2e-seed/second-clinic.ts)");
  return clinic.other;
}

/** A page signed in as `who`, in a context of its own. */
async function signedIn(browser: Browser, who: { email: string; password: string }) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInAs(page, who);
  return { ctx, page };
}

test("a client cannot open another client's page or data", async ({ browser, clinic }) => {
  const target = theirClient(clinic);
  const { ctx, page } = await signedIn(browser, clinic.client);
  const res = await page.goto(`/clients/${target.id}`);
  expect(res?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "This area is not part of your role" })).toBeVisible();
  await expect(page.getByText(word(target.firstName))).toHaveCount(0);
  await expect(page.getByText(target.lastName)).toHaveCount(0);
  const api = await page.request.get(`/api/clients/${target.id}`);
  expect(api.status()).toBe(403);
  const body = await api.text();
  expect(body).not.toMatch(word(target.firstName));
  expect(body).not.toContain(target.lastName);
  // Made-up exercise and questionnaire ids are not found, with a real 404 status.
  for (const path of ["/portal/programme/", "/portal/questionnaires/"]) {
    const r = await page.goto(path + "00000000-0000-4000-8000-000000000000");
    expect(r?.status(), path).toBe(404);
  }
  // Their own record is there, in the portal.
  await page.goto("/portal");
  await expect(page.getByRole("heading", { name: `Hello, ${clinic.client.firstName}` })).toBeVisible();
  await ctx.close();
});

test("another clinic's therapist gets 404 for this clinic's client", async ({ browser, clinic }) => {
  const target = theirClient(clinic);
  const { ctx, page } = await signedIn(browser, secondClinic(clinic).therapist);
  const res = await page.goto(`/clients/${target.id}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByText(word(target.firstName))).toHaveCount(0);
  await expect(page.getByText(target.lastName)).toHaveCount(0);
  // Sub-pages with a loading skeleton answer 404 too, not a 200 that streams "not found".
  for (const sub of ["progress", "chart", "programmes", "questionnaires"]) {
    const r = await page.goto(`/clients/${target.id}/${sub}`);
    expect(r?.status(), sub).toBe(404);
  }
  const search = async (q: string): Promise<{ id: string }[]> => {
    const list = await page.request.get(`/api/clients?q=${encodeURIComponent(q)}`);
    expect(list.status()).toBe(200);
    return (await list.json()).items;
  };
  expect(await search(target.lastName)).toEqual([]);
  // Their own clinic may well have a client of that first name: just not this one.
  expect((await search(target.firstName)).map((c) => c.id)).not.toContain(target.id);
  await ctx.close();
});

test("staff areas are closed to the wrong role", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  const res = await page.goto("/admin");
  expect(res?.status()).toBe(403);
  expect((await page.request.get("/api/audit")).status()).toBe(403);
});
