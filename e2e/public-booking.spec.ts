import http from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, apiLogin, expectAccessible, uniqueSuffix } from "./fixtures";
import { dateTimeField, fillDate } from "./date-fields";
import { mailTo } from "./mailbox";

test.use({ viewport: { width: 390, height: 844 } });

/** A tiny static site on another local origin that frames the booking page. */
async function embeddingSite(bookingUrl: string) {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      `<!doctype html><html lang="en"><title>Clinic website</title><h1>Our clinic</h1>` +
        `<iframe src="${bookingUrl}" title="Book an appointment" style="width:100%;height:700px;border:0"></iframe></html>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

/** The confirmation link in the email the clinic sent (read from the e2e mail server). */
async function confirmationLink(email: string): Promise<string> {
  const mail = await mailTo(email, /^Confirm your booking/);
  const link = /https?:\/\/\S+\/book\/confirm\/[A-Za-z0-9_-]+/.exec(mail.text)?.[0];
  expect(link, `a confirmation link in the email to ${email}`).toBeTruthy();
  return link!;
}

test("a new client books on a phone, confirms by the emailed link, and the therapist sees it; the page works framed by the clinic's site", async ({
  page,
  playwright,
  baseURL,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  // The spec's own clinic: its first therapist is the only one with weekly hours, so has the free times.
  const site = await embeddingSite(`${baseURL}/book/${clinic.slug}`);
  const admin = await playwright.request.newContext({ baseURL });
  await apiLogin(admin, clinic.admin);
  const created = await admin.post("/api/appointment-types", {
    data: {
      name: `First visit ${suffix}`,
      durationMin: 45,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
    },
  });
  expect(created.status()).toBe(201);
  const type = await created.json();
  const saved = await admin.put("/api/clinic/public-booking", {
    data: {
      enabled: true,
      leadHours: 48,
      horizonDays: 28,
      requiresApproval: false,
      embedOrigins: [site.origin],
      typeIds: [type.id],
    },
  });
  expect(saved.status()).toBe(200);

  // The visitor: no sign-in.
  await page.goto(`/book/${clinic.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: "Book an appointment" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: new RegExp(`^First visit ${suffix}`) }).click();
  const days = page.getByRole("list", { name: "Days with free times" });
  await expect(days.getByRole("button").first()).toBeVisible();
  await expectAccessible(page);
  await days.getByRole("button").last().click();
  const times = page.getByRole("list", { name: "Free times" });
  await expect(times.getByRole("button").first()).toBeVisible();
  await times.getByRole("button").last().click();

  await expect(page.getByRole("heading", { name: "Your details" })).toBeVisible();
  await page.getByRole("button", { name: /Hold this time/ }).click();
  await expect(page.getByText("Enter your first name.")).toBeVisible();
  await expectAccessible(page);
  const email = `new-${suffix}@example.test`;
  await page.getByLabel("First name").fill("Robin");
  await page.getByLabel("Last name").fill(`Newcomer ${suffix}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Phone").fill("+44 7700 900123");
  await fillDate(dateTimeField(page, "Date of birth"), "1988-05-17");
  await page.getByLabel("What brings you in?").fill("Tension headaches");
  await page.screenshot({ path: "/tmp/public-booking-details.png", fullPage: true });
  await page.getByRole("button", { name: /Hold this time/ }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect(page.getByTestId("hold-countdown")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/public-booking-held.png", fullPage: true });

  // The emailed link: opening it books nothing until the person confirms.
  const link = await confirmationLink(email);
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Confirm your booking" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByTestId("confirmation-state")).toHaveText(/You're booked/);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/public-booking-confirmed.png", fullPage: true });
  await page.reload();
  await expect(page.getByTestId("confirmation-state")).toHaveText(/You're booked/);
  await expect(page.getByRole("button", { name: "Confirm booking" })).toHaveCount(0);

  // The therapist's calendar has it, with the new client's name.
  const therapist = await playwright.request.newContext({ baseURL });
  await apiLogin(therapist, clinic.therapist);
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const range = await (await therapist.get(`/api/appointments?from=${from}&to=${to}`)).json();
  const mine = range.appointments.filter((a: { clientName: string }) => a.clientName.includes(`Newcomer ${suffix}`));
  expect(mine).toHaveLength(1);

  // Framed by the clinic's own site (another origin), the page works; elsewhere framing stays refused.
  const framed = await page.request.get(`/book/${clinic.slug}`);
  expect(framed.headers()["content-security-policy"]).toContain(`frame-ancestors 'self' ${site.origin}`);
  expect((await page.request.get("/signin")).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.goto(site.origin);
  const frame = page.frameLocator('iframe[title="Book an appointment"]');
  await expect(frame.getByRole("heading", { level: 1, name: "Book an appointment" })).toBeVisible();
  await frame.getByRole("button", { name: new RegExp(`^First visit ${suffix}`) }).click();
  await expect(frame.getByRole("list", { name: "Days with free times" }).getByRole("button").first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/public-booking-embedded.png" });
  await site.close();
});
