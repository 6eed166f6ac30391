import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { dateTimeField, fillTime, shownValue } from "./date-fields";

test("an admin sets opening hours and booking policy, adds a room and an appointment type", async ({
  page,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  await signInAs(page, clinic.admin);
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic settings" })).toBeVisible();
  await expectAccessible(page);

  const settingsForm = page.getByRole("form", { name: "Clinic settings" });
  await settingsForm.getByLabel("Clients may book online").check();
  await settingsForm.getByLabel("Cancellation notice (hours)").fill("48");
  await settingsForm.getByLabel("Saturday", { exact: true }).check();
  await fillTime(dateTimeField(settingsForm, "Saturday opens"), "09:00");
  await fillTime(dateTimeField(settingsForm, "Saturday closes"), "13:00");
  await settingsForm.getByRole("button", { name: "Save settings" }).click();
  await expect(settingsForm.getByText("Settings saved.")).toBeVisible();

  await page.getByLabel("New room").fill(`Room ${suffix}`);
  await page.getByRole("button", { name: "Add room" }).click();
  await expect(page.getByRole("list", { name: "Rooms" })).toContainText(`Room ${suffix}`);

  const types = page.getByRole("form", { name: "Add an appointment type" });
  await types.getByLabel("Name").fill(`Follow-up ${suffix}`);
  await types.getByLabel("Length (min)").fill("600");
  await types.getByRole("button", { name: "Add appointment type" }).click();
  await expect(types.getByText("At most 8 hours.")).toBeVisible();
  await types.getByLabel("Length (min)").fill("45");
  await types.getByLabel("Buffer after (min)").fill("15");
  await types.getByRole("button", { name: "Add appointment type" }).click();
  await expect(page.getByRole("list", { name: "Appointment types" })).toContainText(`Follow-up ${suffix}`);
  await expect(page.getByRole("list", { name: "Appointment types" })).toContainText("45 min + 15 buffer");

  await page.reload();
  await expect(dateTimeField(page.getByRole("form", { name: "Clinic settings" }), "Saturday closes")).toBeVisible();
  expect(await shownValue(dateTimeField(page.getByRole("form", { name: "Clinic settings" }), "Saturday closes"))).toBe(
    "13:00",
  );
  const res = await page.request.get("/api/clinic/settings");
  expect(await res.json()).toMatchObject({ onlineBooking: true, cancellationNoticeHours: 48 });
});

test("therapists cannot change clinic settings", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  expect((await page.goto("/admin/settings"))?.status()).toBe(403);
  expect((await page.request.put("/api/clinic/settings", { data: {} })).status()).toBe(403);
});
