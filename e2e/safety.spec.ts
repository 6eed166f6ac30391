import { test, expect, signInAs, uniqueSuffix, expectAccessible, findClientId } from "./fixtures";

test("a therapist records the precautions screen and tools; the header shows a badge", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  const { id } = await (
    await page.request.post("/api/clients", { data: { firstName: "Sam", lastName: `Safety${uniqueSuffix()}` } })
  ).json();
  await page.goto(`/clients/${id}`);
  const card = page.getByRole("region", { name: "Self-care safety" });
  await expect(card.getByText("No precautions recorded.")).toBeVisible();
  await card.getByRole("button", { name: "Update screen" }).click();
  await card.getByLabel(/Blood thinners or a bleeding disorder/).check();
  await card.getByLabel("Note for Blood thinners or a bleeding disorder").fill("Warfarin");
  await card.getByLabel("Foam roller").check();
  await expectAccessible(page);
  await card.getByRole("button", { name: "Save screen" }).click();
  await expect(card.getByRole("list", { name: "Precautions" })).toContainText(
    "Blood thinners or a bleeding disorder — Warfarin",
  );
  await expect(card).toContainText("Tools owned: Foam roller");
  await expect(page.getByText("⚠ Blood thinners or a bleeding disorder").first()).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Self-care safety" })).toContainText("Warfarin");
});

test("a client says which tools they have on a phone; their therapist sees it", async ({ browser, clinic }) => {
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phone = await phoneContext.newPage();
  await signInAs(phone, clinic.client);
  await phone.goto("/portal/tools");
  await expectAccessible(phone);
  const form = phone.getByRole("form", { name: "My tools" });
  await form.getByLabel("Massage stick").check();
  await form.getByRole("button", { name: "Save" }).click();
  await expect(phone.getByText("Saved. Your therapist will see this.")).toBeVisible();
  await phone.reload();
  await expect(phone.getByLabel("Massage stick")).toBeChecked();
  await phoneContext.close();

  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await signInAs(staff, clinic.therapist);
  const id = await findClientId(staff.request, clinic.client.lastName);
  expect(id).toBe(clinic.client.id);
  await staff.goto(`/clients/${id}`);
  await expect(staff.getByRole("region", { name: "Self-care safety" })).toContainText(/Tools owned: .*Massage stick/);
  await staffContext.close();
});
