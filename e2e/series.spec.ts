import type { APIRequestContext } from "@playwright/test";
import { test, expect, signInAs, uniqueSuffix, expectAccessible, findClientId } from "./fixtures";
import { mailsTo, mailTo } from "./mailbox";
import { dateTimeField, fillDate, fillTime } from "./date-fields";
import type { SeededClinic } from "./seeded-clinic";

/** A type of our own and extra hours for the first therapist on the given dates, so no other test's diary is touched. */
async function setUp(request: APIRequestContext, clinic: SeededClinic, dates: string[]) {
  const type = await (
    await request.post("/api/appointment-types", {
      data: { name: `Series ${uniqueSuffix()}`, durationMin: 60, bufferAfterMin: 0, needsRoom: false },
    })
  ).json();
  const staff: { userId: string; name: string }[] = await (await request.get("/api/staff")).json();
  const tara = staff.find((s) => s.name === clinic.therapist.name)!;
  for (const date of dates) {
    const res = await request.post(`/api/therapists/${tara.userId}/availability/exceptions`, {
      data: { kind: "extra_hours", date, start: "09:00", end: "17:00" },
    });
    expect(res.status()).toBe(201);
  }
  return { typeId: type.id as string, typeName: type.name as string, taraId: tara.userId };
}

/** Books a one-session series through the API (the same all-or-nothing path as the page). */
async function bookOne(
  request: APIRequestContext,
  clientId: string,
  typeId: string,
  therapistUserId: string,
  start: string,
) {
  const res = await request.post("/api/appointment-series", {
    data: { clientId, typeId, therapistUserId, roomId: null, rule: { start, intervalWeeks: 1, count: 1 } },
  });
  expect(res.status()).toBe(201);
  return res.json() as Promise<{ id: string; appointments: { id: string }[] }>;
}

test("the admin books a weekly series, sees the date that conflicts, picks an alternative and books all of them", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.admin);
  const [tom, priya] = [clinic.clients[0]!, clinic.clients[1]!];
  // Six Tuesdays from 1 March 2033 (across the London clock change on 27 March).
  const dates = ["2033-03-01", "2033-03-08", "2033-03-15", "2033-03-22", "2033-03-29", "2033-04-05"];
  const { typeId, typeName, taraId } = await setUp(page.request, clinic, dates);
  await bookOne(page.request, await findClientId(page.request, tom.lastName), typeId, taraId, "2033-03-22T10:30");

  await page.goto("/calendar/series/new");
  const form = page.getByRole("form", { name: "Series details" });
  await expect(form).toBeVisible();
  await expectAccessible(page);
  await form.getByLabel("Find client").fill(priya.firstName);
  await form.getByRole("radio", { name: priya.name }).check();
  await form.getByLabel("Appointment type").selectOption(typeId);
  await form.getByLabel("Therapist", { exact: true }).selectOption(taraId);
  await fillDate(dateTimeField(form, "First date"), "2033-03-01");
  await fillTime(dateTimeField(form, "Time"), "10:00");
  await form.getByLabel("Number of sessions", { exact: true }).fill("6");
  await form.getByRole("button", { name: "Check all dates" }).click();

  const report = page.getByTestId("series-report");
  await expect(report.getByRole("status")).toContainText("5 free, 1 conflict");
  const fourth = page.getByTestId("occurrence-4");
  await expect(fourth).toContainText("Conflict");
  await expect(fourth).toContainText(`${clinic.therapist.name} is booked 10:30–11:30 with ${tom.name}.`);
  // After the clock change the session is still at 10:00 London time.
  await expect(page.getByTestId("occurrence-5")).toContainText(/Tue,? 29 Mar 2033, 10:00–11:00/);
  const book = page.getByRole("button", { name: "Book 5 appointments" });
  await expect(book).toBeDisabled();
  await expect(page.getByText("Choose an alternative or skip for 1 date first.")).toBeVisible();
  await page.screenshot({ path: "/tmp/series-report.png", fullPage: true });
  await expectAccessible(page);

  const alternative = fourth.locator("fieldset label").first();
  const chosen = (await alternative.innerText()).trim();
  expect(chosen).toMatch(/^\d\d:\d\d with /);
  await alternative.getByRole("radio").check();
  const created = page.waitForResponse(
    (r) => r.url().endsWith("/api/appointment-series") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Book 6 appointments" }).click();
  expect((await created).status()).toBe(201);
  await expect(page.getByTestId("series-booked")).toHaveText(`Booked 6 appointments for ${priya.name}.`);
  await expect(page.getByRole("list", { name: "Booked appointments" })).toContainText(chosen.split(" with ")[0]!);

  const series = await (await created).json();
  const stored = await (await page.request.get(`/api/appointment-series/${series.id}`)).json();
  expect(stored.appointments).toHaveLength(6);
  expect(stored.appointments.every((a: { status: string }) => a.status === "booked")).toBe(true);
  expect(stored.appointments.map((a: { startsAt: string }) => a.startsAt.slice(0, 10))).toEqual(dates);

  // The client gets one email for the whole series, listing the six dates with one calendar file:
  // not a confirmation per session (counting this type's, as before the address was her own).
  const mail = await mailTo(priya.email, new RegExp(`^Booked: 6 appointments at ${clinic.name}`));
  expect(mail.text).toContain(typeName);
  expect(mail.text).toContain("1 March 2033");
  expect(mail.text).toContain("5 April 2033");
  expect(mail.attachments).toMatchObject([{ contentType: "text/calendar" }]);
  expect(mailsTo(priya.email).filter((m) => m.text.includes(typeName))).toHaveLength(1);

  // The admin's list of outgoing messages shows it, under its name for what it lists.
  await page.goto("/admin/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Messages" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Outgoing emails and text messages" })).toContainText(mail.subject);
  await expectAccessible(page);
});

test("a cancelled slot shows the waiting clients who fit it, and the admin books one into it", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.admin);
  const date = "2033-05-10"; // a Tuesday
  const { typeId, taraId } = await setUp(page.request, clinic, [date]);
  const [hannah, maria] = [
    await findClientId(page.request, clinic.clients[2]!.name),
    await findClientId(page.request, clinic.clients[3]!.name),
  ];
  const [mariaName, taraName] = [clinic.clients[3]!.name, clinic.therapist.name];
  const entry = await page.request.post("/api/waitlist", {
    data: {
      clientId: maria,
      typeId,
      therapistUserIds: [taraId],
      weekdays: [2],
      timeFrom: "09:00",
      timeTo: "13:00",
      note: "Can come at short notice",
    },
  });
  expect(entry.status()).toBe(201);
  const series = await bookOne(page.request, hannah, typeId, taraId, `${date}T11:00`);
  const cancel = await page.request.post(`/api/appointment-series/${series.id}/cancel`, {
    data: { fromDate: date, reason: "Client is away" },
  });
  expect((await cancel.json()).cancelled).toBe(1);

  await page.goto("/waitlist");
  await expect(page.getByRole("list", { name: "Recently freed slots" })).toContainText(`best: ${mariaName}`);
  await expectAccessible(page);

  await page.goto(`/waitlist?appointment=${series.appointments[0]!.id}`);
  await expect(page.getByTestId("freed-slot")).toContainText(
    new RegExp(`Tue,? 10 May 2033, 11:00–12:00 with ${taraName}`),
  );
  const matches = page.getByRole("list", { name: "Matching waitlist entries" });
  await expect(matches).toContainText(mariaName);
  await expect(matches.getByRole("list", { name: `Why ${mariaName} matches` })).toContainText(`Prefers ${taraName}`);
  await page.screenshot({ path: "/tmp/series-waitlist.png", fullPage: true });
  await expectAccessible(page);
  await page.getByRole("button", { name: `Book ${mariaName} into this slot` }).click();
  await expect(page.getByTestId("waitlist-booked")).toHaveText(`${mariaName} is booked into this slot.`);
  const booked = await (await page.request.get("/api/waitlist?status=booked")).json();
  expect(booked.map((e: { clientName: string }) => e.clientName)).toContain(mariaName);
});

test("on the client page, staff block online booking with a reason and cancel the rest of a series", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.admin);
  const benEmail = clinic.clients[4]!.email;
  const ben = await findClientId(page.request, clinic.clients[4]!.name);
  const dates = ["2033-06-07", "2033-06-14"];
  const { typeId, typeName, taraId } = await setUp(page.request, clinic, dates);
  const res = await page.request.post("/api/appointment-series", {
    data: {
      clientId: ben,
      typeId,
      therapistUserId: taraId,
      roomId: null,
      rule: { start: `${dates[0]}T14:00`, intervalWeeks: 1, count: 2 },
    },
  });
  expect(res.status()).toBe(201);
  await page.request.delete(`/api/clients/${ben}/online-booking-flag`);
  await page.goto(`/clients/${ben}`);
  const card = page.getByRole("region", { name: "Appointments", exact: true });
  await expect(card.getByTestId("no-show-count")).toHaveText(/^\d+$/);
  await card.getByRole("button", { name: "Block online booking" }).click();
  const form = card.getByRole("form", { name: "Block online booking" });
  await form.getByRole("radio", { name: "Repeated no-shows" }).check();
  await form.getByLabel("Note (optional)").fill("Missed three in a row");
  await form.getByRole("button", { name: "Block online booking" }).click();
  await expect(card.getByTestId("online-booking-flag")).toContainText("Repeated no-shows: Missed three in a row");
  await card.screenshot({ path: "/tmp/series-client-card.png" });
  const flag = await (await page.request.get(`/api/clients/${ben}/appointments`)).json();
  expect(flag.flag).toMatchObject({ blocked: true, kind: "no_shows" });

  const upcoming = card.getByRole("list", { name: "Upcoming appointments" });
  const first = upcoming.getByRole("listitem").filter({ hasText: /7 Jun 2033/ });
  await first.getByRole("button", { name: "Cancel rest of series" }).click();
  const cancel = first.getByRole("form");
  await cancel.getByLabel("Reason").fill("Treatment plan finished");
  await cancel.getByRole("button", { name: /^Cancel from / }).click();
  await expect(
    upcoming
      .getByRole("listitem")
      .filter({ hasText: /Jun 2033/ })
      .filter({ hasText: "Cancelled" }),
  ).toHaveCount(2);
  // One message naming both cancelled dates; the staff reason stays inside the clinic.
  const told = await mailTo(benEmail, new RegExp(`^Cancelled: 2 appointments at ${clinic.name}`));
  expect(told.text).toContain("7 June 2033");
  expect(told.text).toContain("14 June 2033");
  expect(told.text).not.toContain("Treatment plan finished");
  const ofThisType = mailsTo(benEmail).filter((m) => m.text.includes(typeName));
  expect(ofThisType.filter((m) => m.subject.startsWith("Cancelled:"))).toHaveLength(1);
});
