import { test, expect, signInAs, expectAccessible } from "./fixtures";

test("the chart history shows each point's course across visits, with a visit slider", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  // The spec's own client history (scripts/e2e-seed/visit-history.ts): three signed visits;
  // right upper trapezius active → latent → resolved.
  expect(clinic.visitHistory?.visits, "the seeded visit history").toBe(3);
  const clientId = clinic.visitHistory!.clientId;
  await page.goto(`/clients/${clientId}`);
  await page.getByRole("link", { name: "Chart history" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}/chart$`));

  const table = page.getByRole("table", { name: /Trigger points over the selected visits/ });
  const trapezius = table.getByRole("row").filter({ hasText: "Upper trapezius" }).filter({ hasText: "Right · UT-1" });
  await expect(trapezius).toContainText(/Active/);
  await expect(trapezius).toContainText(/Resolved/);
  await expectAccessible(page);

  // Slide back to the first visit: the point is active and nothing is resolved yet.
  const slider = page.getByLabel("Show visits up to");
  await slider.focus();
  await page.keyboard.press("Home");
  await expect(trapezius).not.toContainText(/Resolved/);
  await expect(trapezius).toContainText(/Active/);
});
