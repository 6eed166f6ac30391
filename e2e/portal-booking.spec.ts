import { randomUUID } from "node:crypto";
import fs from "node:fs";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiLogin, signInAs, expectAccessible, findClientId } from "./fixtures";
import type { SeededClinic } from "./seeded-clinic";

// Phone first: the client journey runs on an iPhone-sized screen.
test.use({ viewport: { width: 390, height: 844 } });

/** A clinic-local (London) date n days from now, "YYYY-MM-DD". */
const londonDate = (daysAhead: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + daysAhead * 86_400_000));
const LATE_MESSAGE =
  /Appointments can be cancelled online up to (\d+ hours?|\d+ days) before they start\. Please contact the clinic/;

/** Staff setup: online booking on, an online-bookable type, the first therapist's id. */
async function staffSetup(admin: APIRequestContext, clinic: SeededClinic) {
  const settings = await (await admin.get("/api/clinic/settings")).json();
  if (!settings.onlineBooking) {
    const { id: _id, ...rest } = settings;
    expect((await admin.put("/api/clinic/settings", { data: { ...rest, onlineBooking: true } })).status()).toBe(200);
  }
  const types: { id: string; name: string; bookableOnline: boolean; archived: boolean; needsRoom: boolean }[] = await (
    await admin.get("/api/appointment-types")
  ).json();
  const type = types.find((t) => t.bookableOnline && !t.archived);
  expect(type, "an online-bookable type in the clinic").toBeTruthy();
  const staff: { userId: string; name: string }[] = await (await admin.get("/api/staff")).json();
  const tara = staff.find((s) => s.name === clinic.therapist.name)!;
  const rooms: { id: string; archived: boolean }[] = await (await admin.get("/api/rooms")).json();
  return { type: type!, taraId: tara.userId, roomId: rooms.find((r) => !r.archived)?.id ?? null };
}

test("a client books online on a phone, sees it at home, cancels in time; a late cancellation is refused naming the notice period", async ({
  page,
  playwright,
  baseURL,
  clinic,
}) => {
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, clinic.admin);
  const { type, taraId, roomId } = await staffSetup(admin, clinic);

  await signInAs(page, clinic.client);
  await page.goto("/portal");
  await page.getByRole("link", { name: "Book an appointment" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Book an appointment" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What would you like to book?" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/booking-1-type.png", fullPage: true });

  await page.getByRole("button", { name: new RegExp(`^${type.name}`) }).click();
  const therapist = page.getByLabel("Who would you like to see?");
  if (await therapist.isVisible()) await therapist.selectOption({ label: clinic.therapist.name });
  const days = page.getByRole("list", { name: "Days with free times" });
  await expect(days.getByRole("button").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/booking-2-day.png", fullPage: true });
  // Three days ahead at least: outside any notice period another test may set (up to 48 hours).
  const threshold = londonDate(3);
  const dates = await days.getByRole("button").evaluateAll((els) => els.map((e) => e.getAttribute("data-date") ?? ""));
  const date = dates.find((d) => d >= threshold);
  expect(date, `a day with free times from ${threshold}`).toBeTruthy();
  await days.locator(`[data-date="${date}"]`).click();

  const times = page.getByRole("list", { name: "Free times" });
  await expect(times.getByRole("button").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/booking-3-time.png", fullPage: true });
  const time = (await times.getByRole("button").first().innerText()).split("\n")[0]!.trim();
  await times.getByRole("button").first().click();

  await expect(page.getByRole("heading", { name: "Check and book" })).toBeVisible();
  await expect(page.getByText(/You can cancel online up to/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/booking-4-confirm.png", fullPage: true });
  const booked = page.waitForResponse(
    (r) => r.url().endsWith("/api/portal/appointments") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Book appointment" }).click();
  const { appointment } = await (await booked).json();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await expect(page.getByLabel("Appointment details")).toContainText(time);
  await page.screenshot({ path: "/tmp/booking-5-done.png", fullPage: true });

  // "Add to calendar": a valid .ics in the clinic's zone.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Add to calendar" }).click();
  const ics = fs.readFileSync((await (await download).path())!, "utf8");
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\nVERSION:2\.0\r\n/);
  expect(ics).toContain("BEGIN:VTIMEZONE\r\nTZID:Europe/London");
  expect(ics).toContain(`UID:${appointment.id}@knotwork`);

  // On the portal home, with its time; cancelled there, in time.
  await page.getByRole("link", { name: "Back to your portal", exact: true }).click();
  const card = page.locator(`[data-appointment-id="${appointment.id}"]`);
  await expect(card).toContainText(time);
  await page.screenshot({ path: "/tmp/booking-6-home.png", fullPage: true });
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("alertdialog", { name: "Cancel this appointment?" })).toContainText(
    "You can cancel online up to",
  );
  await page.screenshot({ path: "/tmp/booking-7-cancel-dialog.png" });
  await page.getByRole("button", { name: "Yes, cancel it" }).click();
  await expect(card.getByText("Appointment cancelled.")).toBeVisible();

  // A late one: booked by the front desk a few hours from now (trying later times if one is taken).
  const casey = await findClientId(admin, clinic.client.lastName);
  let late: { id: string } | null = null;
  for (let i = 0; i < 12 && !late; i++) {
    const startsAt = new Date(Math.ceil((Date.now() + (3 * 60 + i * 50) * 60_000) / 300_000) * 300_000).toISOString();
    const res = await admin.post("/api/appointments", {
      data: {
        clientId: casey,
        therapistUserId: taraId,
        typeId: type.id,
        roomId: type.needsRoom ? roomId : null,
        startsAt,
        allowOutsideHours: true,
        idempotencyKey: randomUUID(),
      },
    });
    if (res.status() === 201) late = await res.json();
    else expect(res.status(), await res.text()).toBe(409);
  }
  expect(late, "a free time for the late appointment").toBeTruthy();
  await page.goto("/portal/appointments");
  await expect(page.getByRole("heading", { level: 1, name: "My appointments" })).toBeVisible();
  const lateCard = page.locator(`[data-appointment-id="${late!.id}"]`);
  await expect(lateCard.getByTestId("late-cancel-message")).toHaveText(LATE_MESSAGE);
  await expect(lateCard.getByRole("button", { name: "Cancel" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/booking-8-late.png", fullPage: true });
  // The server refuses it too, whatever the page shows.
  const refused = await page.request.post(`/api/portal/appointments/${late!.id}/cancel`);
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.message).toMatch(LATE_MESSAGE);
  await admin.dispose();
});

test("a therapist creates a calendar feed URL that works without signing in, then turns it off", async ({
  page,
  playwright,
  baseURL,
  clinic,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signInAs(page, clinic.therapist);
  await page.goto("/availability");
  const feedCard = page.getByRole("region", { name: "Calendar feed" });
  await feedCard.getByRole("button", { name: "Create feed address" }).click();
  const url = await feedCard.getByLabel("Calendar feed address").inputValue();
  await feedCard.screenshot({ path: "/tmp/booking-feed-card.png" });
  expect(url).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\/feed\.ics$/);
  await expectAccessible(page);

  const anonymous = await playwright.request.newContext({ baseURL });
  const feed = await anonymous.get(url);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const body = await feed.text();
  expect(body).toContain("BEGIN:VCALENDAR\r\n");
  expect(body).toContain("TZID:Europe/London");

  await feedCard.getByRole("button", { name: "Turn off feed" }).click();
  await page.getByRole("button", { name: "Turn off", exact: true }).click();
  await expect(feedCard.getByTestId("feed-status")).toHaveText("No feed is active.");
  expect((await anonymous.get(url)).status()).toBe(404);
  await anonymous.dispose();
});
