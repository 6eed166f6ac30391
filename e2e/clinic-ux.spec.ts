import type { Page, APIRequestContext } from "@playwright/test";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

const SHOTS = "/tmp/clin-ux-shots";
const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 1024, height: 768 },
  desktop: { width: 1440, height: 900 },
} as const;

/** Asserts the element's box lies inside the viewport (not merely "attached" somewhere below the fold). */
async function expectInViewport(page: Page, locator: ReturnType<Page["locator"]>) {
  const viewport = page.viewportSize()!;
  await expect
    .poll(async () => {
      const box = await locator.boundingBox();
      return box !== null && box.y >= 0 && box.y + box.height <= viewport.height;
    })
    .toBe(true);
}

/** A new client with a signed first visit of six points, so today's visit carries six forward. */
async function clientWithCarriedPoints(request: APIRequestContext) {
  const { id: clientId } = await (
    await request.post("/api/clients", { data: { firstName: "Uma", lastName: `Ux${uniqueSuffix()}` } })
  ).json();
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  const { id: first } = await (
    await request.post(`/api/clients/${clientId}/visits`, { data: { startedAt: yesterday } })
  ).json();
  const points = [
    ["upper_trapezius", "right", 0.585, 0.185],
    ["upper_trapezius", "left", 0.415, 0.185],
    ["levator_scapulae", "right", 0.56, 0.16],
    ["levator_scapulae", "left", 0.44, 0.16],
    ["infraspinatus", "right", 0.62, 0.27],
    ["infraspinatus", "left", 0.38, 0.27],
  ] as const;
  for (const [muscleId, side, x, y] of points) {
    const res = await request.post(`/api/visits/${first}/findings`, {
      data: { view: "back", x, y, muscleId, side, label: "", type: "latent" },
    });
    expect(res.status()).toBe(201);
  }
  const { version } = await (await request.get(`/api/visits/${first}`)).json();
  expect((await request.post(`/api/visits/${first}/sign`, { data: { version } })).ok()).toBe(true);
  const { id: visitId } = await (await request.post(`/api/clients/${clientId}/visits`, { data: {} })).json();
  return { clientId, visitId };
}

async function clickBack(page: Page, x: number, y: number) {
  const svg = page.locator("svg", { has: page.locator("title", { hasText: "Back view" }) });
  const box = (await svg.boundingBox())!;
  await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
}

for (const size of ["desktop", "tablet"] as const) {
  test(`the finding editor comes into view with focus on a ${size} (${VIEWPORTS[size].width}×${VIEWPORTS[size].height})`, async ({
    page,
    clinic,
  }) => {
    test.slow(); // seeds a signed visit of six points through the API first
    await page.setViewportSize(VIEWPORTS[size]);
    await signInAs(page, clinic.therapist);
    const { visitId } = await clientWithCarriedPoints(page.request);
    await page.goto(`/visits/${visitId}`);
    await expect(page.getByRole("heading", { name: /Carried forward from the last visit/ })).toBeVisible();

    // Placing a point: the editor opens in view and its heading has focus.
    await clickBack(page, 0.6, 0.44);
    const heading = page.locator("#finding-editor-heading");
    await expect(heading).toBeFocused();
    await expectInViewport(page, heading);
    await expectInViewport(
      page,
      page.getByRole("form", { name: "Edit finding" }).getByLabel("Muscle", { exact: true }),
    );

    // "Add finding" from the keyboard: same.
    await page.evaluate(() => window.scrollTo(0, 0));
    const addForm = page.getByRole("form", { name: "Add a finding" });
    await addForm.getByLabel("Muscle").selectOption({ label: "Upper trapezius" });
    await addForm.getByLabel("Side").selectOption("left");
    await addForm.getByRole("button", { name: "Add finding" }).focus();
    await page.keyboard.press("Enter");
    await expect(heading).toContainText("UT-1 L · Left upper trapezius");
    await expect(heading).toBeFocused();
    await expectInViewport(page, heading);
    await page.screenshot({ path: `${SHOTS}/visit-editor-${size}.png` });
    await expectAccessible(page);
  });
}

test("labels say the side, the keyboard list starts on the likeliest muscle, and a kPa slip is named", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signInAs(page, clinic.therapist);
  const { id: clientId } = await (
    await page.request.post("/api/clients", { data: { firstName: "Lia", lastName: `Label${uniqueSuffix()}` } })
  ).json();
  const { id: visitId } = await (await page.request.post(`/api/clients/${clientId}/visits`, { data: {} })).json();
  await page.goto(`/visits/${visitId}`);

  // With pain at the temple, "Add a finding" starts on the top "where to palpate" muscle, not on adductors.
  await page.getByLabel("Find a region to add to where the client feels pain today").fill("temple");
  await page
    .getByRole("list", { name: "Matching regions" })
    .getByRole("button", { name: /Temple \(right\)/ })
    .click();
  const top = page.getByRole("list", { name: "Muscles to palpate, most likely first" }).getByRole("button").first();
  await expect(top).toBeVisible();
  const topName = (await top.locator("span").first().textContent())!.trim();
  const addForm = page.getByRole("form", { name: "Add a finding" });
  await expect(addForm.getByLabel("Muscle").locator("option:checked")).toHaveText(topName);
  expect(topName).not.toMatch(/^Adductor/);

  // Left and right upper trapezius in one visit are told apart.
  for (const side of ["right", "left"] as const) {
    await addForm.getByLabel("Muscle").selectOption({ label: "Upper trapezius" });
    await addForm.getByLabel("Side").selectOption(side);
    await addForm.getByRole("button", { name: "Add finding" }).click();
    await expect(page.locator("#finding-editor-heading")).toContainText(side === "right" ? "UT-1 R" : "UT-1 L");
  }
  const list = page.getByRole("list", { name: "Findings" });
  await expect(list).toContainText("UT-1 R");
  await expect(list).toContainText("UT-1 L");

  // The algometer unit trap: kPa readings typed while the editor shows kg/cm² are refused by name.
  const editor = page.getByRole("form", { name: "Edit finding" });
  await editor.getByLabel("Algometer unit").selectOption("kgf/cm2");
  await editor.getByLabel("Trial 1").fill("310");
  await editor.getByLabel("Trial 2").focus();
  await expect(editor.getByText("310 kg/cm² is about 30,400 kPa — did you mean kPa?")).toBeVisible();
  await expect(editor.getByLabel("Trial 1")).toHaveAttribute("aria-invalid", "true");
  await editor.getByRole("button", { name: "Save finding" }).click();
  await expect(editor.getByLabel("Trial 1")).toBeFocused();
  await expect(editor.getByText(/Saved mean/)).toHaveCount(0);
  await expectAccessible(page);
  // …and the API refuses what the form refuses.
  const { findings } = await (await page.request.get(`/api/visits/${visitId}`)).json();
  const refused = await page.request.patch(`/api/visits/${visitId}/findings/${findings[0].id}`, {
    data: { version: findings[0].version, pptTrials: [{ value: 310, unit: "kgf/cm2" }] },
  });
  expect(refused.status()).toBe(400);
  // Choosing kPa makes the same numbers a plausible reading.
  await editor.getByLabel("Algometer unit").selectOption("kPa");
  await editor.getByLabel("Trial 2").fill("300");
  await editor.getByLabel("Trial 3").fill("320");
  await editor.getByRole("button", { name: "Save finding" }).click();
  await expect(editor.getByText("Saved mean: 310 kPa")).toBeVisible();
});

test("pain before/after: a complaint is added inside the visit's pain card", async ({ page, clinic }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signInAs(page, clinic.therapist);
  const { id: clientId } = await (
    await page.request.post("/api/clients", { data: { firstName: "Pia", lastName: `Pain${uniqueSuffix()}` } })
  ).json();
  const { id: visitId } = await (await page.request.post(`/api/clients/${clientId}/visits`, { data: {} })).json();
  await page.goto(`/visits/${visitId}`);
  const card = page.getByRole("region", { name: "Pain today (0–10)" });
  await expect(card.getByText("No open complaint yet")).toBeVisible();
  await expect(card.getByRole("link", { name: /client page/ })).toHaveCount(0);
  await card.getByRole("button", { name: "Add a complaint" }).click();
  await expect(card.getByLabel("Complaint", { exact: true })).toBeFocused();
  await card.getByLabel("Complaint", { exact: true }).fill("Left hip ache after running");
  await card.getByRole("button", { name: "Add complaint" }).click();
  await expect(card.getByText("“Left hip ache after running” is open: score it above.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/visits/${visitId}$`));
  await expect(card.getByRole("region", { name: "Left hip ache after running" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/visit-pain-card.png`, fullPage: true });
});

test("the programme builder ends where its content ends, and adds an exercise once", async ({ page, clinic }) => {
  await page.setViewportSize(VIEWPORTS.desktop);
  await signInAs(page, clinic.therapist);
  const { id: clientId } = await (
    await page.request.post("/api/clients", { data: { firstName: "Bo", lastName: `Builder${uniqueSuffix()}` } })
  ).json();
  await page.goto(`/clients/${clientId}/programmes/new`);
  const library = page.getByRole("list", { name: "Library exercises" });
  await expect(library.getByRole("listitem").first()).toBeVisible();
  // No screen-reader text escaping the library's scroll box: the page is no taller than its content.
  const overshoot = await page.evaluate(() => {
    const main = document.getElementById("main")!;
    return document.documentElement.scrollHeight - (main.getBoundingClientRect().bottom + window.scrollY);
  });
  expect(overshoot).toBeLessThan(50);

  await page.getByLabel("Search exercises").fill("infraspinatus");
  const add = library.getByRole("button", { name: "Add Shoulder-blade (infraspinatus) ball press" });
  await add.dblclick();
  await expect(page.getByTestId("programme-item")).toHaveCount(1);
  const added = library.getByRole("button", { name: "Added Shoulder-blade (infraspinatus) ball press" });
  await expect(added).toBeDisabled();
  await page.screenshot({ path: `${SHOTS}/builder-desktop.png`, fullPage: true });
  await expectAccessible(page);
});

// Who signs in: the spec's own clinic's admin or its first therapist.
const navCases = [
  { who: "admin", size: "desktop", path: "/admin/settings", current: "Clinic", menu: "Clinic" },
  { who: "therapist", size: "tablet", path: "/exercises", current: "Library", menu: "Library" },
  { who: "therapist", size: "desktop", path: "/clients", current: "Clients", menu: "Library" },
] as const;
for (const c of navCases) {
  test(`navigation is one row with one current item (${c.who} at ${VIEWPORTS[c.size].width} px, ${c.path})`, async ({
    page,
    clinic,
  }) => {
    await page.setViewportSize(VIEWPORTS[c.size]);
    await signInAs(page, clinic[c.who]);
    await page.goto(c.path);
    const nav = page.getByRole("navigation", { name: "Main" });
    const entries = nav.locator(":scope > ul > li");
    const tops = await entries.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops.length).toBeGreaterThan(3);
    expect(new Set(tops).size, "every entry on one row").toBe(1);
    const header = (await page.locator("header").boundingBox())!;
    expect(header.height).toBeLessThan(80);
    await expect(page.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(nav.locator('[aria-current="page"]')).toContainText(c.current);
    await nav.getByRole("button", { name: c.menu }).click();
    await expect(page.getByRole("menu")).toBeVisible();
    await expectAccessible(page);
    await page.keyboard.press("Escape");
    await page.screenshot({ path: `${SHOTS}/nav-${c.who}-${c.size}.png` });
  });
}

test("on a phone the staff bar is one row with a Menu", async ({ page, clinic }) => {
  await page.setViewportSize(VIEWPORTS.phone);
  await signInAs(page, clinic.admin);
  await page.goto("/admin/audit");
  const header = (await page.locator("header").boundingBox())!;
  expect(header.height).toBeLessThan(80);
  await page.getByRole("navigation", { name: "Main" }).getByRole("button", { name: "Menu" }).click();
  await page.getByRole("menuitem", { name: "Settings" }).click();
  await expect(page).toHaveURL(/\/admin\/settings$/);
  await expect(page.getByLabel("Algometer unit")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/settings-phone.png`, fullPage: true });
});
