import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

test("a therapist records the precautions screen and tools; the header shows a badge", async ({ page }) => {
  await signInAs(page, "therapist@demo.test");
  const { id } = await (await page.request.post("/api/clients", { data: { firstName: "Sam", lastName: `Safety${uniqueSuffix()}` } })).json();
  await page.goto(`/clients/${id}`);
  const card = page.getByRole("region", { name: "Self-care safety" });
  await expect(card.getByText("No precautions recorded.")).toBeVisible();
  await card.getByRole("button", { name: "Update screen" }).click();
  await card.getByLabel(/Blood thinners or a bleeding disorder/).check();
  await card.getByLabel("Note for Blood thinners or a bleeding disorder").fill("Warfarin");
  await card.getByLabel("Foam roller").check();
  await expectAccessible(page);
  await card.getByRole("button", { name: "Save screen" }).click();
  await expect(card.getByRole("list", { name: "Precautions" })).toContainText("Blood thinners or a bleeding disorder — Warfarin");
  await expect(card).toContainText("Tools owned: Foam roller");
  await expect(page.getByText("⚠ Blood thinners or a bleeding disorder").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Self-care safety" })).toContainText("Warfarin");
});
