import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { dateTimeField, fillDate, fillTime } from "./date-fields";
import { mailTo } from "./mailbox";

// A Wednesday far from the demo week: only this test books on it. 2038 has the calendar of 2027 (where the test was
// written) and stays ahead of the real clock, which booking needs.
const DATE = "2038-03-10";

test("the admin books by keyboard, drags to another therapist's column, and is told what a double booking clashes with", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, clinic.admin);
  // Casey (the client), Tom (another client), Tara and Theo (the therapists) of this spec's clinic.
  const [casey, tom, taraStaff, theoStaff] = [clinic.client, clinic.clients[0]!, clinic.therapist, clinic.therapist2];
  const caseyShort = `${casey.firstName} ${casey.lastName[0]}.`;
  const suffix = uniqueSuffix();
  const type = await (
    await page.request.post("/api/appointment-types", {
      data: { name: `Treatment ${suffix}`, durationMin: 60, bufferAfterMin: 0, colour: "#7c3aed", needsRoom: true },
    })
  ).json();
  const roomA = await (await page.request.post("/api/rooms", { data: { name: `Room A ${suffix}` } })).json();
  const roomB = await (await page.request.post("/api/rooms", { data: { name: `Room B ${suffix}` } })).json();
  const staff: { userId: string; name: string }[] = await (await page.request.get("/api/staff")).json();
  const theo = staff.find((s) => s.name === theoStaff.name)!;
  // Theo has no weekly hours: extra hours on this date make the move below inside his hours.
  expect(
    (
      await page.request.post(`/api/therapists/${theo.userId}/availability/exceptions`, {
        data: { kind: "extra_hours", date: DATE, start: "08:00", end: "18:00" },
      })
    ).ok(),
  ).toBe(true);

  // Week view: one therapist's week, days as columns.
  await page.goto(`/calendar?date=${DATE}&view=week`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(
    new RegExp(`Week of Monday,? 8 March 2038 · ${taraStaff.name}`),
  );
  await expect(page.getByRole("group", { name: "Wed 10 Mar" })).toBeVisible();
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Day" }).click();
  await expect(page).toHaveURL(/view=day/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/Wednesday,? 10 March 2038/);
  await expect(page.getByRole("group", { name: theoStaff.name })).toBeVisible();

  // Book with the keyboard form.
  await page.getByRole("button", { name: "New appointment" }).click();
  const dialog = page.getByRole("dialog", { name: "New appointment" });
  await dialog.getByLabel("Find client").fill(casey.firstName);
  await dialog.getByRole("radio", { name: new RegExp(casey.name) }).check();
  await dialog.getByLabel("Appointment type").selectOption(type.id);
  await dialog.getByLabel("Therapist").selectOption({ label: taraStaff.name });
  await dialog.getByLabel("Room").selectOption(roomA.id);
  await fillDate(dateTimeField(dialog, "Date"), DATE);
  await fillTime(dateTimeField(dialog, "Start time"), "10:00");
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(page.getByTestId("calendar-message")).toContainText(
    `Booked ${casey.name} with ${taraStaff.name}, Wed 10 Mar, 10:00`,
  );
  const tara = page.getByRole("group", { name: taraStaff.name });
  await expect(
    tara.getByRole("button", { name: new RegExp(`^10:00–11:00 ${casey.name}\\b.*Treatment`) }),
  ).toBeVisible();
  await expectAccessible(page);

  // Drag the block to Theo's column, same time; it stays there after a reload.
  const block = tara.getByRole("button", { name: new RegExp(casey.name) });
  const from = (await block.boundingBox())!;
  const to = (await page.getByRole("group", { name: theoStaff.name }).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + 12);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, from.y + 12, { steps: 12 });
  await page.mouse.up();
  await expect(
    page
      .getByRole("group", { name: theoStaff.name })
      .getByRole("button", { name: new RegExp(`^10:00–11:00 ${casey.name}`) }),
  ).toBeVisible();
  await expect(page.getByTestId("calendar-message")).toHaveCount(0);
  // The move is said out loud (a polite live region), with an Undo reachable from the keyboard.
  const moved = page.getByTestId("calendar-moved");
  await expect(moved).toHaveAttribute("aria-live", "polite");
  await expect(moved).toContainText(`Moved ${caseyShort} to Wed 10:00 with ${theoStaff.firstName}`);
  await expectAccessible(page);
  await moved.getByRole("button", { name: "Undo" }).focus();
  await page.keyboard.press("Enter");
  await expect(tara.getByRole("button", { name: new RegExp(`^10:00–11:00 ${casey.name}`) })).toBeVisible();
  await expect(moved).toContainText(`Moved ${caseyShort} back to Wed 10:00 with ${taraStaff.firstName}`);
  await expect(moved.getByRole("button", { name: "Undo" })).toHaveCount(0);
  // …and moved again for the rest of the story.
  const again = (await tara.getByRole("button", { name: new RegExp(casey.name) }).boundingBox())!;
  await page.mouse.move(again.x + again.width / 2, again.y + 12);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, again.y + 12, { steps: 12 });
  await page.mouse.up();
  await expect(moved).toContainText(`Moved ${caseyShort} to Wed 10:00 with ${theoStaff.firstName}`);
  // Casey is told after the Undo window, unless the desk agreed the move on the phone.
  await expect(moved).toContainText(`${casey.firstName} will be told in 2 minutes.`);
  await moved.getByRole("button", { name: `Don't tell ${casey.firstName}` }).click();
  await expect(moved).toContainText(`${casey.firstName} won't be told about it.`);
  await page.reload();
  await expect(
    page
      .getByRole("group", { name: theoStaff.name })
      .getByRole("button", { name: new RegExp(`^10:00–11:00 ${casey.name}`) }),
  ).toBeVisible();
  await expect(
    page.getByRole("group", { name: taraStaff.name }).getByRole("button", { name: new RegExp(casey.name) }),
  ).toHaveCount(0);

  // A double booking of Theo at 10:30 is refused with the conflict named.
  await page.getByRole("button", { name: "New appointment" }).click();
  await dialog.getByLabel("Find client").fill(tom.lastName);
  await dialog.getByRole("radio", { name: new RegExp(tom.name) }).check();
  await dialog.getByLabel("Appointment type").selectOption(type.id);
  await dialog.getByLabel("Therapist").selectOption(theo.userId);
  await dialog.getByLabel("Room").selectOption(roomB.id);
  await fillDate(dateTimeField(dialog, "Date"), DATE);
  await fillTime(dateTimeField(dialog, "Start time"), "10:30");
  await dialog.getByRole("button", { name: "Book appointment" }).click();
  await expect(dialog.getByTestId("create-error")).toHaveText(
    `${theoStaff.name} already has ${casey.name} Wed 10 Mar, 10:00–11:00.`,
  );
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // Cancel it with a reason; the notice links to the waitlist matches for the freed slot.
  await page
    .getByRole("group", { name: theoStaff.name })
    .getByRole("button", { name: new RegExp(casey.name) })
    .click();
  const edit = page.getByRole("dialog", { name: casey.name });
  await edit.getByLabel("Reason for cancelling").fill("Client has a cold");
  await edit.getByRole("radio", { name: "The clinic" }).check();
  // The client is emailed by default; the clinic adds words of its own, and the reason stays internal.
  await expect(edit.getByRole("checkbox", { name: "Tell the client that it is cancelled" })).toBeChecked();
  await edit.getByLabel("Message to the client (optional)").fill("Theo is away that morning. Call us to rebook.");
  await expectAccessible(page);
  await edit.getByRole("button", { name: "Cancel appointment" }).click();
  const notice = page.getByTestId("calendar-message");
  await expect(notice).toContainText(`Cancelled ${casey.name}’s appointment. The slot is free again.`);
  await expect(notice.getByRole("link", { name: "See waitlist matches" })).toHaveAttribute(
    "href",
    /\/waitlist\?appointment=[0-9a-f-]{36}$/,
  );
  const told = await mailTo(casey.email, new RegExp(`^Cancelled: ${type.name} at ${clinic.name}`));
  expect(told.text).toContain("Theo is away that morning. Call us to rebook.");
  expect(told.text).not.toContain("cold");
});

test("the day view of the demo week, as the front desk sees it", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, "admin@demo.test");
  await page.goto("/calendar");
  await expect(page.getByRole("group", { name: "Tara Therapist" })).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/calendar-day.png" });
  await page.getByRole("group", { name: "View" }).getByRole("button", { name: "Week" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Week of");
  await page.screenshot({ path: "/tmp/calendar-week.png" });
});

test("an empty day's grid can still be scrolled from the keyboard", async ({ page, clinic }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await signInAs(page, clinic.admin);
  // Far from the demo week: no appointment buttons inside the scroll box.
  await page.goto("/calendar?date=2031-02-04");
  const grid = page.getByRole("region", { name: "Appointments grid" });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole("button")).toHaveCount(0);
  await grid.focus();
  await expect(grid).toBeFocused();
  await page.keyboard.press("PageDown");
  await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  await expectAccessible(page);
});

test("a therapist opens the visit from their appointment, and sees the day on the dashboard", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, clinic.therapist);
  const maria = clinic.clients[3]!;
  const types: { id: string; name: string; archived: boolean }[] = await (
    await page.request.get("/api/appointment-types")
  ).json();
  const rooms: { id: string; archived: boolean }[] = await (await page.request.get("/api/rooms")).json();
  const clients = await (await page.request.get(`/api/clients?q=${maria.lastName}`)).json();
  const me = await (await page.request.get("/api/me")).json();
  const res = await page.request.post("/api/appointments", {
    data: {
      clientId: clients.items[0].id,
      therapistUserId: me.user.id,
      typeId: types.find((t) => !t.archived)!.id,
      roomId: rooms.find((r) => !r.archived)!.id,
      startsAt: "2038-03-11T09:00:00Z",
    },
  });
  expect(res.status(), await res.text()).toBe(201);

  await page.goto("/calendar?date=2038-03-11");
  await page
    .getByRole("group", { name: clinic.therapist.name })
    .getByRole("button", { name: new RegExp(maria.name) })
    .click();
  const dialog = page.getByRole("dialog", { name: maria.name });
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/calendar-edit.png" });
  await dialog.getByRole("button", { name: "Open visit" }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);

  await page.goto("/therapist");
  await expect(page.getByRole("region", { name: /Today's appointments/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/calendar-dashboard.png" });
});
