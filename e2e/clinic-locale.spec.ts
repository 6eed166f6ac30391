import { randomUUID } from "node:crypto";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { clinicLocaleFieldTests } from "./clinic-locale-fields";

// The spec's own clinic, seeded in New York writing en-GB (scripts/e2e-seed/new-york-clinic.ts), is
// switched to en-US here; no other spec uses it, so nothing needs switching back.
const plain = (s: string) => s.replace(/[\u202f\u2009\u00a0]/g, " ");

// Serial, and generous: the shared 2-core machine makes axe and full-page screenshots slow.
test.describe.configure({ mode: "serial", timeout: 180_000 });

test("an admin chooses the clinic's time zone from a list and its date format; bad values are refused", async ({
  page,
  clinic,
}, testInfo) => {
  expect(clinic.timezone, "the seed's zone for this spec").toBe("America/New_York");
  await signInAs(page, clinic.admin);
  await page.goto("/admin/settings");
  const form = page.getByRole("form", { name: "Clinic settings" });
  const zone = form.getByLabel("Time zone");
  await expect(zone).toHaveValue("America/New_York");
  // The field offers the runtime's IANA zones to search.
  await expect(page.locator("datalist#clinic-time-zones option[value='Pacific/Apia']")).toHaveCount(1);
  await expectAccessible(page);

  await zone.fill("Mars/Olympus");
  await expect(form.getByText("Choose a time zone from the list.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Save settings" })).toBeDisabled();
  await zone.fill("America/New_York");
  await form.getByLabel("Dates and times written as").selectOption({ label: "English (United States)" });
  // The example under the select follows the choice at once: month first, 12-hour clock.
  await expect(form.getByText(/For example [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/)).toBeVisible();
  await form.getByRole("button", { name: "Save settings" }).click();
  await expect(form.getByText("Settings saved.")).toBeVisible();
  await expectAccessible(page);

  for (const [name, size] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1440, height: 900 }],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: testInfo.outputPath(`settings-${name}.png`), fullPage: true });
  }

  // The server validates too: not a zone from the list, not a listed locale → 400 with field errors.
  const s = await (await page.request.get("/api/clinic/settings")).json();
  expect(s).toMatchObject({ locale: "en-US", timezone: "America/New_York" });
  for (const [field, value] of [
    ["timezone", "Mars/Olympus"],
    ["timezone", "+05:00"],
    ["locale", "fr-FR"],
  ] as const) {
    const res = await page.request.put("/api/clinic/settings", { data: { ...s, id: undefined, [field]: value } });
    expect(res.status(), `${field}=${value}`).toBe(400);
    expect(Object.keys((await res.json()).error.fieldErrors)).toEqual([field]);
  }
});

test("an en-US clinic reads month-first dates and 12-hour times across the product", async ({ browser, clinic }) => {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, clinic.admin);
  await admin.goto("/admin");
  const email = `locale.${uniqueSuffix()}@example.test`;
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("therapist");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const pending = admin.getByRole("region", { name: "Pending invitations" });
  const row = pending.getByRole("listitem").filter({ hasText: email });
  // Was the browser's toLocaleString(); now the clinic's: "Dec 9, 2026, 9:58 PM".
  await expect(row).toHaveText(/expires [A-Z][a-z]{2} \d{1,2}, \d{4}, \d{1,2}:\d{2}\s?[AP]M/);
  await expectAccessible(admin);
  await admin.context().close();

  const therapist = await (await browser.newContext()).newPage();
  await signInAs(therapist, clinic.therapist);
  await therapist.goto("/therapist");
  const today = plain(
    new Intl.DateTimeFormat("en-US", {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone: "America/New_York",
    }).format(new Date()),
  );
  // "Sunday, December 6" (en-GB would read "Sunday 6 December").
  await expect(therapist.getByText(today, { exact: false }).first()).toBeVisible();
  await expectAccessible(therapist);
  // The calendar's day heading and hour labels (en-GB: "Wednesday 10 March 2038", "09:00"). 2038 has 2027's
  // calendar and is still ahead of the real clock.
  await therapist.goto("/calendar?date=2038-03-10&view=day");
  await expect(therapist.getByRole("heading", { level: 1 })).toContainText("Wednesday, March 10, 2038");
  await expect(therapist.getByRole("region", { name: "Appointments grid" })).toContainText(/(^|\D)9:00\s?AM/);
  await expectAccessible(therapist);
  await therapist.context().close();
});

test("an en-US clinic's booking conflict and its client's portal read month-first, 12-hour", async ({
  browser,
  clinic,
}) => {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, clinic.admin);
  const api = admin.request;
  const type = await (
    await api.post("/api/appointment-types", {
      data: {
        name: `Locale ${uniqueSuffix()}`,
        durationMin: 45,
        bufferAfterMin: 0,
        colour: "#0f6b73",
        needsRoom: false,
      },
    })
  ).json();
  // The clinic's portal client, with its first therapist.
  const { therapist, client: patient } = clinic;
  // A day of its own, 10:00 in New York (15:00 UTC in winter, 14:00 in summer).
  const book = (startsAt: string) =>
    api.post("/api/appointments", {
      data: {
        clientId: patient.id,
        therapistUserId: therapist.userId,
        typeId: type.id,
        roomId: null,
        startsAt,
        allowOutsideHours: true,
        idempotencyKey: randomUUID(),
      },
    });
  let startsAt = "";
  for (let i = 0; i < 60 && !startsAt; i++) {
    const day = new Date(Date.UTC(2028, 0, 10 + Math.floor(Math.random() * 40) + i, 15));
    if ((await book(day.toISOString())).status() === 201) startsAt = day.toISOString();
  }
  expect(startsAt, "a free day for the therapist").not.toBe("");
  const clash = await book(startsAt);
  expect(clash.status()).toBe(409);
  // en-GB would say "Fri 4 Feb, 10:00–10:45"; the clinic reads month first and a 12-hour range.
  expect(plain((await clash.json()).error.message)).toMatch(
    new RegExp(
      `^${therapist.name} already has ${patient.name} [A-Z][a-z]{2}, [A-Z][a-z]{2} \\d{1,2}, 10:00\\s?–\\s?10:45 AM\\.$`,
    ),
  );
  await admin.context().close();

  const client = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(client, patient);
  await client.goto("/portal/appointments");
  const day = plain(
    new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone: "America/New_York" }).format(
      new Date(startsAt),
    ),
  );
  const upcoming = client.getByRole("main");
  await expect(upcoming).toContainText(day);
  await expect(upcoming).toContainText(/10:00\s?AM/);
  await expectAccessible(client);
  await client.context().close();
});

// The date and time fields, the visit and the progress pages, in the same serial run (they switch the clinic too).
clinicLocaleFieldTests();

test("the app has a favicon, an Apple touch icon and a manifest in the brand colours", async ({ page }) => {
  const icon = await page.request.get("/icon.svg");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  expect(await icon.text()).toContain("#0f5c63");
  const apple = await page.request.get("/apple-icon");
  expect(apple.status()).toBe(200);
  expect(apple.headers()["content-type"]).toBe("image/png");
  const manifest = await (await page.request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Knotwork", theme_color: "#0f5c63" });
  await page.goto("/signin");
  await expect(page.locator('link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
});
