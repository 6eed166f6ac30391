import sharp from "sharp";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import type { APIRequestContext, Page } from "@playwright/test";

/** A portrait "photo": a figure whose shoulder line tilts by `tilt` pixels, so two dates differ visibly. */
async function posturePng(tilt: number, hue: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="800">
    <rect width="600" height="800" fill="${hue}"/>
    <circle cx="300" cy="150" r="60" fill="#333"/>
    <line x1="170" y1="${260 - tilt}" x2="430" y2="${260 + tilt}" stroke="#333" stroke-width="30"/>
    <rect x="250" y="260" width="100" height="320" fill="#333"/>
  </svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString("base64");
}

async function upload(
  request: APIRequestContext,
  clientId: string,
  p: { title: string; documentDate: string; view: string; tilt: number; hue: string },
) {
  const res = await request.post(`/api/clients/${clientId}/documents`, {
    data: {
      kind: "posture_photo",
      title: p.title,
      documentDate: p.documentDate,
      view: p.view,
      fileName: "photo.png",
      dataBase64: await posturePng(p.tilt, p.hue),
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return (await res.json()).id as string;
}

/** Every comparison picture has arrived and decoded (a broken file would have no natural width). */
async function expectPicturesLoaded(page: Page) {
  const figures = page.getByTestId("posture-comparison").getByRole("img");
  await expect(figures).toHaveCount(2);
  for (const img of await figures.all())
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
  return figures;
}

test("a therapist compares two dates of the same posture view, side by side on a tablet and stacked on a phone", async ({
  browser,
  clinic,
}) => {
  const ctx = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const page = await ctx.newPage();
  await signInAs(page, clinic.therapist);
  const suffix = uniqueSuffix();
  const mk = async (lastName: string) =>
    (await (await page.request.post("/api/clients", { data: { firstName: "Pat", lastName } })).json()).id as string;
  const clientId = await mk(`Posture${suffix}`);
  const otherId = await mk(`Elsewhere${suffix}`);
  const first = await upload(page.request, clientId, {
    title: "Standing, first visit",
    documentDate: "2026-09-01",
    view: "front",
    tilt: 40,
    hue: "#f5e6d3",
  });
  await upload(page.request, clientId, {
    title: "Standing, week 6",
    documentDate: "2026-10-13",
    view: "front",
    tilt: 20,
    hue: "#e3f0e6",
  });
  const latest = await upload(page.request, clientId, {
    title: "Standing, discharge",
    documentDate: "2026-11-24",
    view: "front",
    tilt: 0,
    hue: "#dde8f5",
  });
  await upload(page.request, clientId, {
    title: "Left, first visit",
    documentDate: "2026-09-01",
    view: "left",
    tilt: 10,
    hue: "#f5e6d3",
  });
  await upload(page.request, clientId, {
    title: "Left, discharge",
    documentDate: "2026-11-24",
    view: "left",
    tilt: 0,
    hue: "#dde8f5",
  });
  const elsewhere = await upload(page.request, otherId, {
    title: "Someone else",
    documentDate: "2026-09-01",
    view: "front",
    tilt: 0,
    hue: "#ffffff",
  });

  // Reached from the client's record, beside the chart history; the first and latest by default.
  await page.goto(`/clients/${clientId}`);
  await page.getByRole("link", { name: "Posture photos", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/posture$`));
  await expect(page.getByRole("heading", { name: "Posture photos over time" })).toBeVisible();
  const figures = await expectPicturesLoaded(page);
  await expect(figures.nth(0)).toHaveAccessibleName(/^Front view, (1 September|September 1),? 2026$/);
  await expect(figures.nth(1)).toHaveAccessibleName(/^Front view, (24 November|November 24),? 2026$/);
  const [a, b] = [await figures.nth(0).boundingBox(), await figures.nth(1).boundingBox()];
  expect(Math.abs(a!.y - b!.y)).toBeLessThan(2);
  expect(b!.x).toBeGreaterThan(a!.x + a!.width);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/posture-tablet.png", fullPage: true });

  // Picked with the keyboard: the week-6 photo against the latest; the address remembers it.
  await page.getByLabel("First photo").focus();
  await page.keyboard.press("ArrowDown");
  await expect(figures.nth(0)).toHaveAccessibleName(/^Front view, (13 October|October 13),? 2026$/);
  await expect(page).toHaveURL(/before=[0-9a-f-]{36}/);
  await expectPicturesLoaded(page);
  // Another view starts again from its own first and latest.
  await page.getByLabel("View").selectOption({ label: "Left side (2 photos)" });
  await expect(figures.nth(0)).toHaveAccessibleName(/^Left side view, (1 September|September 1),? 2026$/);
  await expect(figures.nth(1)).toHaveAccessibleName(/^Left side view, (24 November|November 24),? 2026$/);
  await expectPicturesLoaded(page);

  // Beside the chart history too.
  await page.goto(`/clients/${clientId}/chart`);
  await page.getByRole("link", { name: "Posture photos over time" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/posture$`));

  // Another client’s photo, a photo of another view, or a malformed id is a 404 like any record that is not this client's.
  for (const q of [`before=${elsewhere}`, `after=${elsewhere}`, `before=${first}&view=left`, `after=not-an-id`]) {
    const res = await page.goto(`/clients/${clientId}/posture?${q}`);
    expect(res?.status(), q).toBe(404);
  }
  const ok = await page.goto(`/clients/${clientId}/posture?view=front&before=${first}&after=${latest}`);
  expect(ok?.status()).toBe(200);

  // A phone: one above the other, nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  const stacked = await expectPicturesLoaded(page);
  const [c, d] = [await stacked.nth(0).boundingBox(), await stacked.nth(1).boundingBox()];
  expect(d!.y).toBeGreaterThan(c!.y + c!.height);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/posture-phone.png", fullPage: true });
  await ctx.close();
});
