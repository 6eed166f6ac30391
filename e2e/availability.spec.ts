import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import { dateTimeField, fillDate, shownValue } from "./date-fields";

test("an admin sets a therapist's split shift and time off, and sees the next free slots", async ({ page, clinic }) => {
  await signInAs(page, clinic.admin);
  const type = await (
    await page.request.post("/api/appointment-types", {
      data: { name: `Slot test ${uniqueSuffix()}`, durationMin: 60, bufferAfterMin: 0, needsRoom: false },
    })
  ).json();
  const staff: { userId: string; name: string; roles: string[] }[] = await (
    await page.request.get("/api/staff")
  ).json();
  const theo = staff.find((s) => s.name === clinic.therapist2.name)!;

  await page.goto(`/availability?therapist=${theo.userId}`);
  const week = page.getByRole("form", { name: "Weekly hours" });
  await expect(week).toBeVisible();
  await expectAccessible(page);
  // Tuesday: a split shift, two blocks.
  await week.getByRole("button", { name: "Add Tuesday hours" }).click();
  await week.getByRole("button", { name: "Add Tuesday hours" }).click();
  expect(await shownValue(dateTimeField(week, "Tuesday block 2 starts"))).toBe("13:00");
  await week.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(week.getByText("Hours saved.")).toBeVisible();

  const off = page.getByRole("form", { name: "Add time off" });
  // 2038 has 2027's calendar (5 January a Tuesday) and stays ahead of the real clock: time off in the past is no test.
  await fillDate(dateTimeField(off, "First day off"), "2038-01-05");
  await off.getByLabel("Note (optional)").fill("Conference");
  await off.getByRole("button", { name: "Add time off" }).click();
  await expect(page.getByRole("list", { name: "Exceptions" })).toContainText("Time off: 5 Jan 2038");

  await page.getByLabel("Appointment type").selectOption(type.id);
  const slots = page.getByRole("list", { name: "Free slots" });
  await expect(slots.getByRole("listitem").first()).toContainText(/^Tue/);

  // The API answers with the same rules: no slot on the day off.
  const res = await page.request.get(
    `/api/appointment-types/${type.id}/slots?therapistId=${theo.userId}&from=2038-01-05T00:00:00Z&days=1`,
  );
  expect(await res.json()).toEqual([]);
});
