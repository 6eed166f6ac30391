import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { dateTimeField, fillTime, shownValue } from "./date-fields";

test("an admin sets opening hours and booking policy, adds a room and an appointment type", async ({ page }) => {
  const suffix = uniqueSuffix();
  await signInAs(page, "admin@demo.test");
  await page.goto("/admin/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Clinic settings" })).toBeVisible();
  await expectAccessible(page);

  const clinic = page.getByRole("form", { name: "Clinic settings" });
  await clinic.getByLabel("Clients may book online").check();
  await clinic.getByLabel("Cancellation notice (hours)").fill("48");
  await clinic.getByLabel("Saturday", { exact: true }).check();
  await fillTime(dateTimeField(clinic, "Saturday opens"), "09:00");
  await fillTime(dateTimeField(clinic, "Saturday closes"), "13:00");
  await clinic.getByRole("button", { name: "Save settings" }).click();
  await expect(clinic.getByText("Settings saved.")).toBeVisible();

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

test("therapists cannot change clinic settings", async ({ page }) => {
  await signInAs(page, "therapist@demo.test");
  expect((await page.goto("/admin/settings"))?.status()).toBe(403);
  expect((await page.request.put("/api/clinic/settings", { data: {} })).status()).toBe(403);
});
