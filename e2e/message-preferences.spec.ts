import { test, expect, expectAccessible, signInAs, uniqueSuffix } from "./fixtures";
import { smsTo, textsTo, uniqueMobile } from "./sms-box";

/*
 * Message preferences and SMS consent as staff and clients use them: the front desk records a
 * client's consent on the client page and the booking confirmation then arrives by text at the
 * e2e SMS provider (Twilio's API, local), whose signed "delivered" callback the message log shows;
 * a client chooses for themselves in the portal on a phone. Each test adds its own client (a
 * mobile number of its own, no preferences yet) to the spec's own clinic.
 */

test("staff record SMS consent on the client page; the confirmation goes by text and shows as delivered", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const mobile = uniqueMobile();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await signInAs(page, clinic.admin);
  const client = await (
    await page.request.post("/api/clients", {
      data: { firstName: "Sam", lastName: `Texter${suffix}`, email: `sam.${suffix}@example.test`, phone: mobile.local },
    })
  ).json();
  await page.goto(`/clients/${client.id}`);
  const card = page.getByRole("region", { name: "Messages and consent" });
  await expect(card.getByText(`Texts go to ${mobile.e164}.`)).toBeVisible();
  await expect(card.getByText("No consent recorded.")).toBeVisible();
  await expectAccessible(page);

  // Text only, without the consent box: refused, with the reason beside the box.
  await card.getByLabel("Text message (SMS)").check();
  await card.getByRole("button", { name: "Save preferences" }).click();
  await expect(card.getByText("Tick consent to text messages, or choose email.")).toBeVisible();
  await card.getByLabel("The client agrees to receive text messages about appointments.").check();
  await card.getByRole("button", { name: "Save preferences" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await expect(card.getByText(/Consent given .*, recorded by the clinic\./)).toBeVisible();
  await expectAccessible(page);

  const type = await (
    await page.request.post("/api/appointment-types", {
      data: { name: `Text ${suffix}`, durationMin: 30, bufferAfterMin: 0, colour: "#0f6b73", needsRoom: false },
    })
  ).json();
  // An upcoming time (a confirmation is only sent for an appointment that has not ended):
  // from two days ahead, stepping on past times the portal test's bookings may hold.
  const start = Math.ceil((Date.now() + 2 * 86_400_000) / 300_000) * 300_000;
  let booked = false;
  for (let i = 0; i < 40 && !booked; i++) {
    const res = await page.request.post("/api/appointments", {
      data: {
        clientId: client.id,
        therapistUserId: clinic.therapist.userId,
        typeId: type.id,
        roomId: null,
        startsAt: new Date(start + i * 35 * 60_000).toISOString(),
        allowOutsideHours: true,
        idempotencyKey: `${suffix}-${i}`,
      },
    });
    booked = res.status() === 201;
    if (!booked) expect(res.status(), await res.text()).toBe(409);
  }
  expect(booked, "a free upcoming time for the therapist").toBe(true);
  const sms = await smsTo(mobile.e164);
  expect(sms.body).toMatch(
    new RegExp(`^${clinic.name}: you're booked for Text ${suffix} on .+ with ${clinic.therapist.name}\\.`),
  );
  // The short link keeps the text short; opened signed-out on a phone it shows the appointment.
  const short = /Manage: (http:\/\/127\.0\.0\.1:\d+\/m\/[\w-]{12})$/.exec(sms.body)?.[1];
  expect(short, "the short link in the text").toBeTruthy();
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const opened = await phone.newPage();
  await opened.goto(short!);
  await expect(opened).toHaveURL(/\/appointment\/[\w.-]+$/);
  await expect(opened.getByRole("heading", { name: "Your appointment" })).toBeVisible();
  await expect(opened.getByText(`Text ${suffix}`)).toBeVisible();
  await expectAccessible(opened);
  await phone.close();
  // An unknown short link is a plain 404.
  expect((await page.request.get("/m/AAAAAAAAAAAA")).status()).toBe(404);
  // One confirmation (a reminder text may follow if the appointment is within the reminder lead time).
  expect(textsTo(mobile.e164).filter((m) => m.body.includes("you're booked"))).toHaveLength(1);

  // The message log shows the text and, after the provider's signed callback, that it was delivered.
  await expect(async () => {
    await page.reload();
    const confirmation = page
      .getByRole("list", { name: "Messages, newest first" })
      .getByRole("listitem")
      .filter({ hasText: "Booking confirmation · SMS" });
    await expect(confirmation.getByText("Sent · delivered")).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(
    page.getByRole("list", { name: "Messages, newest first" }).getByText(`To ${mobile.e164}`).first(),
  ).toBeVisible();
  await expectAccessible(page);
  await ctx.close();
});

test("a client chooses email and text in the portal on a phone, and can withdraw consent", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const mobile = uniqueMobile();
  const email = `pat.${suffix}@example.test`;
  const staffCtx = await browser.newContext();
  const staff = await staffCtx.newPage();
  await signInAs(staff, clinic.therapist);
  const client = await (
    await staff.request.post("/api/clients", {
      data: { firstName: "Pat", lastName: `Portal${suffix}`, email, phone: mobile.local },
    })
  ).json();
  const invite = await (await staff.request.post(`/api/clients/${client.id}/invitation`, { data: { email } })).json();

  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneCtx.newPage();
  await phone.goto(new URL(invite.link).pathname);
  await phone.getByLabel("Your name").fill("Pat Portal");
  await phone.getByLabel("Choose a password").fill("a long enough passphrase");
  await phone.getByLabel("Repeat the password").fill("a long enough passphrase");
  await phone.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(phone).toHaveURL(/\/portal$/);
  await phone.goto("/portal/account");
  const card = phone.getByRole("region", { name: "Messages from the clinic" });
  await expect(card.getByRole("group", { name: "How should we contact you?" })).toBeVisible();
  await expectAccessible(phone);
  await card.getByLabel("Email and text message").check();
  await card.getByLabel("I agree to receive text messages about my appointments.").check();
  await card.getByRole("button", { name: "Save my preferences" }).click();
  await expect(card.getByRole("status")).toHaveText("Saved.");
  await expect(card.getByText(`Texts go to ${mobile.e164}.`)).toBeVisible();
  await expect(card.getByText(/Consent given .*, in the portal\./)).toBeVisible();
  // Nothing overflows the phone's width.
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectAccessible(phone);
  await phone.screenshot({ path: test.info().outputPath("portal-preferences-390.png"), fullPage: true });

  // Staff see what the client chose, and where.
  const seen = await (await staff.request.get(`/api/clients/${client.id}/message-preferences`)).json();
  expect(seen).toMatchObject({ channel: "both", smsConsent: true, smsConsentSource: "portal", smsAvailable: true });

  // Withdrawing consent while text is chosen is refused; with email only it is recorded.
  await card.getByLabel("I agree to receive text messages about my appointments.").uncheck();
  await card.getByRole("button", { name: "Save my preferences" }).click();
  await expect(card.getByText("Tick consent to text messages, or choose email.")).toBeVisible();
  await card.getByLabel("Email", { exact: true }).check();
  await card.getByRole("button", { name: "Save my preferences" }).click();
  await expect(card.getByText(/Consent withdrawn .*, in the portal\./)).toBeVisible();
  await expectAccessible(phone);
  await phoneCtx.close();
  await staffCtx.close();
});
