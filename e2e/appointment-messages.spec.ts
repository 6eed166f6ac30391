import { randomUUID } from "node:crypto";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, apiLogin, expectAccessible, signInAs, uniqueSuffix } from "./fixtures";
import type { SeededClinic } from "./seeded-clinic";
import { mailTo } from "./mailbox";

/*
 * Appointment messages as the client gets them: the confirmation arrives at the e2e mail server
 * (real SMTP, parsed by mailparser) with its .ics, and its signed link is opened without signing
 * in, on a phone and on a desktop, to see and cancel the appointment; the cancellation arrives too.
 * All in the spec's own clinic: its portal client is booked with its first therapist.
 */

async function bookClient(api: APIRequestContext, clinic: SeededClinic, daysAhead: number) {
  const suffix = uniqueSuffix();
  const type = await (
    await api.post("/api/appointment-types", {
      data: { name: `Massage ${suffix}`, durationMin: 45, bufferAfterMin: 0, colour: "#0f6b73", needsRoom: false },
    })
  ).json();
  const day = new Date(Date.now() + daysAhead * 86_400_000);
  // The first free quarter hour from 07:00 UTC that day (the phone and desktop tests book the same diary).
  for (let i = 0; i < 40; i++) {
    const startsAt = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 7) + i * 15 * 60_000);
    const res = await api.post("/api/appointments", {
      data: {
        clientId: clinic.client.id,
        therapistUserId: clinic.therapist.userId,
        typeId: type.id,
        roomId: null,
        startsAt: startsAt.toISOString(),
        allowOutsideHours: true,
        idempotencyKey: randomUUID(),
      },
    });
    if (res.status() === 201) return { startsAt, typeName: type.name as string };
  }
  throw new Error("no free time for the appointment");
}

for (const device of [
  { name: "phone", viewport: { width: 390, height: 844 }, daysAhead: 9 },
  { name: "desktop", viewport: { width: 1440, height: 900 }, daysAhead: 10 },
]) {
  test(`a client opens the link in an appointment message on a ${device.name}, sees it and cancels it`, async ({
    page,
    playwright,
    baseURL,
    clinic,
  }) => {
    await page.setViewportSize(device.viewport);
    const admin = await playwright.request.newContext({ baseURL });
    await apiLogin(admin, clinic.admin);
    const { typeName } = await bookClient(admin, clinic, device.daysAhead);
    const booked = await mailTo(clinic.client.email, new RegExp(`^Booked: ${typeName} at ${clinic.name}`));
    expect(booked.html).toContain("View or cancel");
    expect(booked.attachments).toMatchObject([{ contentType: "text/calendar" }]);
    const link = /https?:\/\/\S+\/appointment\/[\w.-]+/.exec(booked.text)?.[0];
    expect(link, "the signed link in the confirmation").toBeTruthy();

    await page.goto(link!);
    await expect(page.getByRole("heading", { name: "Your appointment" })).toBeVisible();
    const details = page.getByRole("definition");
    await expect(details.filter({ hasText: typeName })).toBeVisible();
    await expect(details.filter({ hasText: clinic.therapist.name })).toBeVisible();
    await page.screenshot({ path: `test-results/appointment-link-${device.name}.png`, fullPage: true });
    await expectAccessible(page);

    await page.getByRole("button", { name: "Cancel this appointment" }).click();
    await expect(page.getByRole("group", { name: /^Cancel / })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Yes, cancel it" }).click();
    await expect(page.getByTestId("appointment-state")).toContainText("Your appointment is cancelled");
    await expect(page.getByRole("button", { name: "Cancel this appointment" })).toHaveCount(0);
    await expectAccessible(page);

    // Reopened, the link only shows the cancellation; a forged one is a 404.
    await page.reload();
    await expect(page.getByTestId("appointment-state")).toContainText("This appointment is cancelled.");
    const forged = await page.goto(`${link!.slice(0, -4)}${link!.endsWith("AAAA") ? "BBBB" : "AAAA"}`);
    expect(forged?.status()).toBe(404);

    const cancelled = await mailTo(clinic.client.email, new RegExp(`^Cancelled: ${typeName} at ${clinic.name}`));
    expect(cancelled.text).toContain(`As you asked, your appointment at ${clinic.name} is cancelled.`);

    // The front desk sees both messages, and that they went out, on the client's page.
    await signInAs(page, clinic.admin);
    await page.goto(`/clients/${clinic.client.id}`);
    const log = page.getByRole("list", { name: "Messages, newest first" });
    const about = (label: string, subject: string) =>
      log.getByRole("listitem").filter({ hasText: label }).filter({ hasText: subject });
    await expect(about("Cancellation", `Cancelled: ${typeName}`).getByText("Sent")).toBeVisible();
    await expect(about("Booking confirmation", `Booked: ${typeName}`).getByText("Sent")).toBeVisible();
    await expectAccessible(page);
  });
}
