import { test, expect, signInAs, findClientId, expectAccessible } from "./fixtures";

test("the chart history shows each point's course across visits, with a visit slider", async ({ page }) => {
  await signInAs(page, "therapist@demo.test");
  // Casey Client's demo history: three signed visits; right upper trapezius active → latent → resolved.
  const caseyId = await findClientId(page.request, "Casey");
  await page.goto(`/clients/${caseyId}`);
  await page.getByRole("link", { name: "Chart history" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${caseyId}/chart$`));

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
