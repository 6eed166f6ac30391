import { randomUUID } from "node:crypto";
import { test, expect, apiLogin, signInAs, expectAccessible } from "./fixtures";
import { mailTo } from "./mailbox";

// Phone first: clients move their appointments from their phones.
test.use({ viewport: { width: 390, height: 844 } });

type Slots = { days: { date: string; slots: { start: string; end: string; therapistId: string }[] }[] };

/** A clinic-local (London) date n days from now, "YYYY-MM-DD". */
const londonDate = (daysAhead: number) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date(Date.now() + daysAhead * 86_400_000));

test("a client moves an appointment to another day on a phone; the old time is freed and they are emailed the new one", async ({
  page,
  playwright,
  baseURL,
  clinic,
}) => {
  // Staff: online booking on; a type clients may book online.
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, clinic.admin);
  const settings = await (await admin.get("/api/clinic/settings")).json();
  if (!settings.onlineBooking) {
    const { id: _id, ...rest } = settings;
    expect((await admin.put("/api/clinic/settings", { data: { ...rest, onlineBooking: true } })).status()).toBe(200);
  }
  const types: { id: string; name: string; bookableOnline: boolean; archived: boolean }[] = await (
    await admin.get("/api/appointment-types")
  ).json();
  const type = types.find((t) => t.bookableOnline && !t.archived)!;
  expect(type, "an online-bookable type in the clinic").toBeTruthy();

  // The client books one a few days out (outside any notice period another spec may set).
  await signInAs(page, clinic.client);
  const free: Slots = await (await page.request.get(`/api/portal/appointment-types/${type.id}/slots?days=21`)).json();
  const from = londonDate(4);
  const first = free.days.find((d) => d.date >= from)?.slots.at(-1);
  expect(first, `a free time from ${from}`).toBeTruthy();
  const made = await page.request.post("/api/portal/appointments", {
    data: { typeId: type.id, therapistId: first!.therapistId, startsAt: first!.start, idempotencyKey: randomUUID() },
  });
  expect(made.status()).toBe(201);
  const { appointment } = await made.json();

  await page.goto("/portal/appointments");
  const card = page.locator(`[data-appointment-id="${appointment.id}"]`);
  await card.getByRole("link", { name: "Change time" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Change an appointment" })).toBeVisible();
  await expect(page.getByTestId("current-time")).toContainText(type.name);
  const days = page.getByRole("list", { name: "Days with free times" });
  await expect(days.getByRole("button").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/reschedule-1-day.png", fullPage: true });

  // Another day, later than the first and outside the notice period.
  const dates = await days.getByRole("button").evaluateAll((els) => els.map((e) => e.getAttribute("data-date") ?? ""));
  const firstDate = free.days.find((d) => d.slots.includes(first!))!.date;
  const date = dates.find((d) => d >= from && d !== firstDate);
  expect(date, "another day with free times").toBeTruthy();
  await days.locator(`[data-date="${date}"]`).click();
  const times = page.getByRole("list", { name: "Free times" });
  await expect(times.getByRole("button").first()).toBeVisible();
  await expectAccessible(page);
  const time = (await times.getByRole("button").first().innerText()).trim();
  await times.getByRole("button").first().click();

  await expect(page.getByRole("heading", { name: "Check and move" })).toBeVisible();
  await expect(page.getByLabel("Appointment details")).toContainText(time);
  await expect(page.getByRole("heading", { name: "Check and move" })).toBeFocused();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/reschedule-2-confirm.png", fullPage: true });
  await page.getByRole("button", { name: "Move my appointment" }).click();
  await expect(page.getByRole("heading", { name: "Your appointment has moved" })).toBeVisible();
  await expect(page.getByTestId("reschedule-confirmed")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/reschedule-3-done.png", fullPage: true });

  // One appointment, at the new time; the old time is free again for anyone.
  const mine = await (await page.request.get("/api/portal/appointments")).json();
  const now = mine.upcoming.find((a: { id: string }) => a.id === appointment.id);
  expect(now.startsAt).not.toBe(first!.start);
  expect(now.version).toBe(appointment.version + 1);
  const again: Slots = await (await page.request.get(`/api/portal/appointment-types/${type.id}/slots?days=21`)).json();
  expect(again.days.flatMap((d) => d.slots.map((s) => s.start))).toContain(first!.start);

  // The client is told the new time by email.
  const mail = await mailTo(clinic.client.email, new RegExp(`^Changed: your appointment at ${clinic.name} is now`));
  expect(mail.text).toContain(time);

  // Tidy up: give the slot back for other specs.
  expect((await page.request.post(`/api/portal/appointments/${appointment.id}/cancel`)).status()).toBe(200);
});
