import type { Browser, Page, TestInfo } from "@playwright/test";
import type { SeededClinic } from "./seeded-clinic";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { dateTimeField, fillDate, fillTime, shownValue } from "./date-fields";

/**
 * Registered from clinic-locale.spec.ts, which runs serially in a clinic of its own (seeded in New
 * York, scripts/e2e-seed/new-york-clinic.ts) and switches its locale: the tests here run in that
 * clinic and switch it too, each to the locale it needs. Each browser here speaks the OTHER locale
 * from the clinic, so what the page shows can only have come from the clinic's setting.
 */
const plain = (s: string) => s.replace(/[\u202f\u2009\u00a0]/g, " ");
const NY = "America/New_York";

async function clinicWrites(browser: Browser, clinic: SeededClinic, locale: "en-US" | "en-GB") {
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, clinic.admin);
  const s = await (await admin.request.get("/api/clinic/settings")).json();
  const res = await admin.request.put("/api/clinic/settings", { data: { ...s, id: undefined, locale } });
  expect(res.status()).toBe(200);
  await admin.context().close();
}

async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const [size, viewport] of [
    ["phone", { width: 390, height: 844 }],
    ["desktop", { width: 1440, height: 900 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${size}.png`), fullPage: true });
  }
}

export function clinicLocaleFieldTests() {
  test("an en-US clinic's new appointment takes MM/DD/YYYY and a 12-hour time in an en-GB browser, and books it", async ({
    browser,
    clinic,
  }, testInfo) => {
    await clinicWrites(browser, clinic, "en-US");
    const page = await (await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" })).newPage();
    await signInAs(page, clinic.therapist);
    const api = page.request;
    const client = await (
      await api.post("/api/clients", { data: { firstName: "Dora", lastName: `Dates ${uniqueSuffix()}` } })
    ).json();
    // A day of its own in 2029 (month 3, day up to 28): nothing else in this clinic is booked then.
    const day = 1 + Math.floor(Math.random() * 28);
    const date = `2029-03-${String(day).padStart(2, "0")}`;

    await page.goto(`/calendar?date=${date}&view=day`);
    await page.getByRole("button", { name: "New appointment" }).click();
    const dialog = page.getByRole("dialog", { name: "New appointment" });
    const dateField = dateTimeField(dialog, "Date");
    const timeField = dateTimeField(dialog, "Start time");
    // The dialog starts on the calendar's day, written month first.
    expect(await shownValue(dateField)).toBe(`03/${String(day).padStart(2, "0")}/2029`);
    await expect(timeField.locator("[data-type=dayPeriod]")).toHaveCount(1);
    await dialog.getByLabel("Find client").fill(client.lastName);
    await dialog.getByRole("radio", { name: new RegExp(client.lastName) }).check();
    // 2 April, typed the American way: 04/02/2029, 2:30 PM.
    await fillDate(dateField, "2029-04-02");
    await fillTime(timeField, "14:30");
    expect(await shownValue(dateField)).toBe("04/02/2029");
    expect(await shownValue(timeField)).toMatch(/^0?2:30 PM$/);
    await expectAccessible(page);
    await screenshots(page, testInfo, "new-appointment-en-US");
    await page.setViewportSize({ width: 1280, height: 800 });
    await dialog.getByRole("button", { name: "Book appointment" }).click();
    const anyway = dialog.getByRole("button", { name: "Book anyway" });
    const message = page.getByTestId("calendar-message");
    await expect(message.or(anyway)).toBeVisible();
    if (await anyway.isVisible()) await anyway.click();
    await expect(message).toContainText("Mon, Apr 2, 2:30 PM");
    // Saved as 2 April 14:30 in New York (18:30 UTC, daylight time), not 4 February.
    const range = await (await api.get("/api/appointments?from=2029-04-02&to=2029-04-03")).json();
    const mine = range.appointments.filter((a: { clientId: string }) => a.clientId === client.id);
    expect(mine.map((a: { startsAt: string }) => new Date(a.startsAt).toISOString())).toEqual([
      "2029-04-02T18:30:00.000Z",
    ]);
    await page.context().close();
  });

  test("an en-GB clinic's time off takes DD/MM/YYYY and 24-hour times in an en-US browser", async ({
    browser,
    clinic,
  }) => {
    await clinicWrites(browser, clinic, "en-GB");
    const page = await (await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" })).newPage();
    await signInAs(page, clinic.therapist);
    await page.goto("/availability");
    const off = page.getByRole("form", { name: "Add time off" });
    const first = dateTimeField(off, "First day off");
    await expect(first).toBeVisible();
    expect(await shownValue(first)).toBe("dd/mm/yyyy");
    const year = 2030 + Math.floor(Math.random() * 5);
    await fillDate(first, `${year}-04-02`);
    expect(await shownValue(first)).toBe(`02/04/${year}`);
    const note = `Fields ${uniqueSuffix()}`;
    await off.getByLabel("Note (optional)").fill(note);
    await off.getByRole("button", { name: "Add time off" }).click();
    await expect(page.getByRole("list", { name: "Exceptions" })).toContainText(note);
    const week = page.getByRole("form", { name: "Weekly hours" });
    await week.getByRole("button", { name: "Add Tuesday hours" }).click();
    expect(await shownValue(dateTimeField(week, "Tuesday block 1 starts"))).toMatch(/^\d{2}:\d{2}$/);
    await expectAccessible(page);
    const me = await (await page.request.get("/api/me")).json();
    const availability = await (await page.request.get(`/api/therapists/${me.user.id}/availability`)).json();
    expect(JSON.stringify(availability)).toContain(`"${year}-04-02"`);
    await page.context().close();
  });

  test("an en-US clinic's visit and progress pages read month-first, 12-hour, in New York", async ({
    browser,
    clinic,
  }, testInfo) => {
    await clinicWrites(browser, clinic, "en-US");
    const page = await (await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London" })).newPage();
    await signInAs(page, clinic.therapist);
    const api = page.request;
    const client = await (
      await api.post("/api/clients", { data: { firstName: "Uma", lastName: `Usformat ${uniqueSuffix()}` } })
    ).json();
    const complaint = await (
      await api.post(`/api/clients/${client.id}/complaints`, {
        data: { title: "Right neck pain", regions: [], onsetDate: "2026-03-04" },
      })
    ).json();
    // 19:35 UTC on 3 November is 2:35 PM in New York (EST); 15:00 UTC on 24 November is 10:00 AM.
    const visits: string[] = [];
    for (const [startedAt, before] of [
      ["2026-11-03T19:35:00.000Z", 7],
      ["2026-11-24T15:00:00.000Z", 3],
    ] as const) {
      const visit = await (await api.post(`/api/clients/${client.id}/visits`, { data: { startedAt } })).json();
      const res = await api.put(`/api/visits/${visit.id}/pain`, {
        data: { scores: [{ complaintId: complaint.id, before, after: null }] },
      });
      expect(res.status()).toBe(200);
      visits.push(visit.id);
    }

    await page.goto(`/visits/${visits[0]}`);
    const full = plain(
      new Intl.DateTimeFormat("en-US", { dateStyle: "full", timeStyle: "short", timeZone: NY }).format(
        new Date("2026-11-03T19:35:00Z"),
      ),
    );
    // "Tuesday, November 3, 2026 at 2:35 PM" (en-GB: "Tuesday 3 November 2026 at 14:35").
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Visit · ${full}`);
    expect(full).toMatch(/^Tuesday, November 3, 2026.*2:35 PM$/);
    await expectAccessible(page);
    await screenshots(page, testInfo, "visit-en-US");
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.goto(`/clients/${client.id}/progress`);
    const main = page.getByRole("main");
    await expect(main).toContainText("Onset March 4, 2026");
    await expect(main).toContainText("Baseline 7 of 10 on November 3, 2026");
    await expect(main).toContainText("latest 3 on November 24, 2026");
    await expect(main).not.toContainText(/\b3 November 2026\b/);
    await expectAccessible(page);
    await screenshots(page, testInfo, "progress-en-US");
    await page.context().close();
  });
}
