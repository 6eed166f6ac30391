import { test, expect, signInAs, uniqueSuffix } from "./fixtures";

// The staff forms check what they send with the server's own schema before sending it: the
// schema's message appears on the field (aria-invalid, described by it) and nothing is saved.

test("billing catalogue: a rate and a fee are checked by their schema before saving", async ({ page, clinic }) => {
  const suffix = uniqueSuffix();
  await signInAs(page, clinic.admin);
  await page.goto("/billing/settings");
  const rateName = page.getByLabel("Rate name");
  await page.getByRole("button", { name: "Add rate" }).click();
  await expect(page.getByText("Name the rate (e.g. VAT 20%).")).toBeVisible();
  await expect(rateName).toHaveAttribute("aria-invalid", "true");
  await expect(rateName).toBeFocused();
  await rateName.fill(`Test rate ${suffix}`);
  await page.getByLabel("Percent").fill("12.5");
  await page.getByRole("button", { name: "Add rate" }).click();
  await expect(page.getByRole("list", { name: "Tax rates" })).toContainText(`Test rate ${suffix} · 12.5%`);

  await page.getByLabel("Fee (GBP)").fill("twelve");
  await page.getByRole("button", { name: "Set fee" }).click();
  await expect(page.getByText("Enter a fee.")).toBeVisible();
  await expect(page.getByLabel("Fee (GBP)")).toHaveAttribute("aria-invalid", "true");
});

test("waitlist: adding without a client says so at the client field", async ({ page, clinic }) => {
  await signInAs(page, clinic.admin);
  await page.goto("/waitlist");
  const form = page.getByRole("form", { name: "Add to the waitlist" });
  await form.getByRole("button", { name: "Add to the waitlist" }).click();
  await expect(form.getByText("Choose the client.")).toBeVisible();
});

test("scoring choices are saved and shown again", async ({ page, clinic }) => {
  // This spec's own clinic: no other spec scores questionnaires with its choices meanwhile.
  await signInAs(page, clinic.admin);
  await page.goto("/questionnaires");
  const form = page.getByRole("form", { name: "Scoring choices" });
  const ndi = form.getByLabel("NDI: meaningful change");
  const skipped = form.getByLabel("NDI and ODI: sections that may be skipped");
  const before = { ndi: await ndi.inputValue(), skipped: await skipped.inputValue() };
  await ndi.selectOption("5");
  await skipped.selectOption("2");
  await form.getByRole("button", { name: "Save scoring choices" }).click();
  await expect(form.getByRole("status")).toHaveText("✓ Saved");
  await page.reload();
  await expect(ndi).toHaveValue("5");
  await expect(skipped).toHaveValue("2");
  // Back as it was: other specs score with the clinic's choices.
  await ndi.selectOption(before.ndi);
  await skipped.selectOption(before.skipped);
  await form.getByRole("button", { name: "Save scoring choices" }).click();
  await expect(form.getByRole("status")).toHaveText("✓ Saved");
});
