import type { APIRequestContext } from "@playwright/test";
import { test, expect, signInAs, expectAccessible, uniqueSuffix, bookCompletable } from "./fixtures";
import type { SeededClinic } from "./seeded-clinic";

/** The clinic's local (London) date of an instant (the calendar's ?date=). */
const londonDate = (iso: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", dateStyle: "short" }).format(new Date(iso));

/** A client of their own, a £60.00 type, and an appointment with the clinic's therapist starting within the hour (so it may be completed). */
async function arrivedAppointment(api: APIRequestContext, clinic: SeededClinic, suffix: string) {
  const vat = await (
    await api.post("/api/billing/tax-rates", { data: { name: `VAT ${suffix}`, rateBp: 2000 } })
  ).json();
  const type = await (
    await api.post("/api/appointment-types", {
      data: {
        name: `Checkout ${suffix}`,
        durationMin: 30,
        bufferAfterMin: 0,
        colour: "#0f6b73",
        bookableOnline: false,
        needsRoom: false,
      },
    })
  ).json();
  const price = await api.put("/api/billing/prices", {
    data: { typeId: type.id, therapistUserId: null, amountMinor: 6000, taxRateId: vat.id },
  });
  expect(price.status(), await price.text()).toBe(200);
  const created = await api.post("/api/clients", {
    data: { firstName: "Wren", lastName: `Checkout${suffix}`, email: `wren.${suffix}@example.test` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const client = await created.json();
  const staff: { userId: string; name: string }[] = await (await api.get("/api/staff")).json();
  const taraId = staff.find((s) => s.name === clinic.therapist.name)!.userId;
  const appt = await bookCompletable(api, { clientId: client.id, therapistUserId: taraId, typeId: type.id });
  const arrived = await api.post(`/api/appointments/${appt.id}/status`, { data: { status: "arrived", version: 1 } });
  expect(arrived.status(), await arrived.text()).toBe(200);
  return {
    url: `/calendar?date=${londonDate(appt.startsAt)}&therapist=${taraId}`,
    name: `Wren Checkout${suffix}`,
    id: appt.id,
    version: ((await arrived.json()) as { version: number }).version,
  };
}

test("check-out from the calendar: complete, invoice in one click, part cash on desktop, the rest by card on a phone", async ({
  browser,
  clinic,
}) => {
  // Generous: three browser contexts and six axe runs on a shared 2-core machine.
  test.setTimeout(360_000);
  const suffix = uniqueSuffix();
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(desk, clinic.admin);
  const { url, name } = await arrivedAppointment(desk.request, clinic, suffix);

  // A therapist without billing rights opens the same appointment: no check-out, no amounts.
  const therapist = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(therapist, clinic.therapist);
  await therapist.goto(url);
  await therapist.getByRole("button", { name: new RegExp(name) }).click();
  const seen = therapist.getByRole("dialog", { name });
  await expect(seen.getByRole("button", { name: "Mark completed" })).toBeVisible();
  await expect(seen.getByRole("heading", { name: "Check-out" })).toHaveCount(0);
  await expect(seen).not.toContainText("£");

  // The front desk marks it completed: the dialog stays open at check-out, focus on it.
  await desk.goto(url);
  await desk.getByRole("button", { name: new RegExp(name) }).click();
  const dialog = desk.getByRole("dialog", { name });
  await dialog.getByRole("button", { name: "Mark completed" }).click();
  await expect(dialog.getByTestId("checkout-status")).toContainText("Marked completed");
  await expect(dialog.getByRole("heading", { name: "Check-out" })).toBeFocused();
  await expect(dialog.getByTestId("checkout")).toContainText("Not invoiced yet.");
  await expectAccessible(desk);

  // One click: drafted from the appointment's fee and issued.
  await dialog.getByRole("button", { name: "Invoice and issue" }).click();
  const state = dialog.getByTestId("checkout-state");
  await expect(state).toContainText(/Invoice INV-\d+ · total £60\.00 · balance due £60\.00/);
  await expect(state).toContainText("Unpaid");

  // £20.00 in cash, by keyboard: the amount starts at the balance.
  await dialog.getByRole("button", { name: "Take payment" }).click();
  const pay = desk.getByRole("dialog", { name: "Take payment" });
  await expect(pay.getByLabel("Amount (GBP)")).toHaveValue("60.00");
  await pay.getByLabel("Method").selectOption("cash");
  await pay.getByLabel("Amount (GBP)").fill("20");
  await expect(pay.getByText("Part payment: £40.00 will still be due.")).toBeVisible();
  await expectAccessible(desk);
  await pay.getByLabel("Amount (GBP)").press("Enter");
  await expect(pay).toHaveCount(0);
  await expect(state).toContainText("paid £20.00 · balance due £40.00");
  await expect(dialog.getByRole("button", { name: "Take payment" })).toBeFocused();
  await desk.screenshot({ path: "/tmp/billing-checkout-desktop.png" });

  // The rest by card on a 390 px phone.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(phone, clinic.admin);
  await phone.goto(url);
  await phone.getByRole("button", { name: new RegExp(name) }).click();
  const small = phone.getByRole("dialog", { name });
  const smallState = small.getByTestId("checkout-state");
  await expect(smallState).toContainText("balance due £40.00");
  await expectAccessible(phone);
  await small.getByRole("button", { name: "Take payment" }).click();
  const payPhone = phone.getByRole("dialog", { name: "Take payment" });
  await expect(payPhone.getByLabel("Amount (GBP)")).toHaveValue("40.00");
  const box = (await payPhone.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await payPhone.getByLabel("Method").selectOption("card");
  await payPhone.getByRole("button", { name: "Record payment" }).click();
  await expect(smallState).toContainText("Paid");
  await expect(smallState).not.toContainText("balance due");
  await expect(small.getByRole("heading", { name: "Check-out" })).toBeFocused();
  await expect(small.getByRole("link", { name: /Open receipt INV-\d+/ })).toBeVisible();
  await expectAccessible(phone);
  await phone.screenshot({ path: "/tmp/billing-checkout-phone.png", fullPage: true });
});

test("check-out shows the server's 409 when the appointment cannot be invoiced yet", async ({ browser, clinic }) => {
  const suffix = uniqueSuffix();
  const desk = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(desk, clinic.admin);
  const { url, name, id, version } = await arrivedAppointment(desk.request, clinic, suffix);
  await desk.goto(url);
  await desk.getByRole("button", { name: new RegExp(name) }).click();
  const dialog = desk.getByRole("dialog", { name });
  // Arrived: check-out is already there. Someone else puts it back to booked meanwhile.
  await expect(dialog.getByTestId("checkout")).toContainText("Not invoiced yet.");
  const back = await desk.request.post(`/api/appointments/${id}/status`, { data: { status: "booked", version } });
  expect(back.status(), await back.text()).toBe(200);
  await dialog.getByRole("button", { name: "Invoice and issue" }).click();
  await expect(dialog.getByRole("alert")).toContainText("Only an appointment the client attended can be invoiced");
  await expectAccessible(desk);
});
