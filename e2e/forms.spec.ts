import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { dateTimeField, fillDate } from "./date-fields";

// A new client of this spec's own clinic each run (a unique name), booked on a date no other test uses.
test("a new client books, signs the health history and consent on a phone; the therapist accepts the declared blood thinners and the builder blocks a massage gun", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const email = `noor.${suffix}@example.test`;
  const staffCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const staff = await staffCtx.newPage();
  await signInAs(staff, clinic.therapist);
  const client = await (
    await staff.request.post("/api/clients", { data: { firstName: "Noor", lastName: `Intake${suffix}`, email } })
  ).json();
  const invite = await (await staff.request.post(`/api/clients/${client.id}/invitation`, { data: { email } })).json();
  const me = await (await staff.request.get("/api/me")).json();
  // The clinic's own appointment type and room (creating types is for admins).
  const types: { id: string; archived: boolean; needsRoom: boolean }[] = await (
    await staff.request.get("/api/appointment-types")
  ).json();
  const type = types.find((t) => !t.archived)!;
  const rooms: { id: string; archived: boolean }[] = await (await staff.request.get("/api/rooms")).json();
  const roomId = type.needsRoom ? rooms.find((r) => !r.archived)!.id : null;
  // The first booking sends the intake forms.
  const booked = await staff.request.post("/api/appointments", {
    data: {
      clientId: client.id,
      therapistUserId: me.user.id,
      typeId: type.id,
      roomId,
      startsAt: "2038-06-16T07:00:00Z", // ahead of the real clock for years: booking refuses the past
      allowOutsideHours: true,
    },
  });
  expect(booked.status(), await booked.text()).toBe(201);

  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneCtx.newPage();
  await phone.goto(new URL(invite.link).pathname);
  await phone.getByLabel("Your name").fill("Noor Intake");
  await phone.getByLabel("Choose a password").fill("a long enough passphrase");
  await phone.getByLabel("Repeat the password").fill("a long enough passphrase");
  await phone.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(phone).toHaveURL(/\/portal$/);
  await phone.getByRole("link", { name: "Open forms and documents" }).click();
  await expectAccessible(phone);

  // Health history: one section per screen.
  await phone.getByRole("link", { name: "Fill in “New client health history”" }).click();
  await expect(phone.getByText("Step 1 of 4")).toBeVisible();
  await phone.getByLabel("Mobile phone").fill("07700 900555");
  await fillDate(dateTimeField(phone, /^Date of birth/), "1988-06-01");
  await phone.getByLabel("Emergency contact: name").fill("Sami Intake");
  await phone.getByLabel("Emergency contact: phone").fill("07700 900666");
  await expectAccessible(phone);
  await phone.getByRole("button", { name: "Next" }).click();
  await phone.getByLabel("What would you like help with?").fill("Neck and shoulder pain");
  await phone.getByRole("button", { name: "Next" }).click();
  await phone.getByLabel("Blood thinners or a bleeding disorder").check();
  await phone.getByRole("group", { name: "Do you take any medication?" }).getByLabel("Yes").check();
  await phone.getByLabel(/Which medication/).fill("Apixaban 5 mg twice a day");
  await phone.getByRole("group", { name: "Are you pregnant, or could you be?" }).getByLabel("No").check();
  await phone.getByRole("button", { name: "Next" }).click();
  await phone.getByLabel("Your full name").fill("Noor Intake");
  await phone.getByRole("button", { name: "Type my name instead" }).click();
  await phone.getByLabel(/typing my name above is my signature/).check();
  await expectAccessible(phone);
  await phone.getByRole("button", { name: "Sign and send" }).click();
  await expect(phone.getByTestId("form-done")).toBeVisible();

  // Consent.
  await phone.goto("/portal/forms");
  await phone.getByRole("link", { name: "Fill in “Consent to manual trigger point therapy”" }).click();
  await phone
    .getByRole("group", { name: /I have read the description above/ })
    .getByLabel("Yes")
    .check();
  await phone
    .getByRole("group", { name: /I can ask for less pressure/ })
    .getByLabel("Yes")
    .check();
  await phone.getByLabel("Your full name").fill("Noor Intake");
  // The pad is there for a finger; this journey signs by typed name with the consent box (a drawn
  // signature is e2e/forms-signature.spec.ts's journey).
  await expect(phone.getByLabel("Signature pad")).toBeVisible();
  await phone.getByRole("button", { name: "Type my name instead" }).click();
  await phone.getByLabel(/typing my name above is my signature/).check();
  await phone.getByRole("button", { name: "Sign and send" }).click();
  await expect(phone.getByTestId("form-done")).toBeVisible();
  await phone.screenshot({ path: "/tmp/forms-phone-done.png" });
  await phoneCtx.close();

  // The therapist reviews: nothing changed on the record until accepted.
  await staff.goto(`/clients/${client.id}/forms`);
  const proposal = staff.getByTestId("proposal-precautions");
  await expect(proposal).toContainText("Blood thinners or a bleeding disorder");
  await expect(proposal).toContainText("None recorded");
  await expectAccessible(staff);
  await staff.screenshot({ path: "/tmp/forms-review.png", fullPage: true });
  await proposal.getByRole("button", { name: /Accept precautions/ }).click();
  await expect(staff.getByTestId("proposal-precautions")).toHaveCount(0);
  await expect(staff.getByText("Signed").first()).toBeVisible();
  // The emergency contact, once accepted, is on the client page under the name.
  for (const target of ["client.emergency_contact_name", "client.emergency_contact_phone"]) {
    await staff
      .getByTestId(`proposal-${target}`)
      .getByRole("button", { name: /^Accept emergency contact/ })
      .click();
    await expect(staff.getByTestId(`proposal-${target}`)).toHaveCount(0);
  }
  await staff.goto(`/clients/${client.id}`);
  await expect(staff.getByTestId("emergency-contact")).toHaveText("Emergency contact: Sami Intake · 07700 900666");
  await expect(staff.getByRole("link", { name: "07700 900666" })).toHaveAttribute("href", "tel:07700900666");
  await expectAccessible(staff);

  // The programme builder screens with the accepted answer.
  await staff.goto(`/clients/${client.id}/programmes/new`);
  // The builder is server-rendered: a choice made before it hydrates is lost (React keeps "Any tool"),
  // so choose again until the picker says it is filtering.
  const tool = staff.getByRole("combobox", { name: "Tool" });
  await expect(async () => {
    await tool.selectOption({ label: "Massage gun" });
    await expect(staff.getByText(/\d+ exercises? match/)).toBeVisible({ timeout: 2_000 });
  }).toPass();
  const gun = staff.getByRole("list", { name: "Library exercises" }).getByRole("listitem").first();
  await expect(gun).toContainText("Not for this client");
  await expect(gun).toContainText("No massage gun with blood thinners or a bleeding disorder.");
  // No axe run here: the builder page (not this area's) fails scrollable-region-focusable when the
  // library list is filtered short; left to its owners and reported.
  await staffCtx.close();
});
