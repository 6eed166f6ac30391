import { test, expect, signInAs, expectAccessible, uniqueSuffix } from "./fixtures";

// Each run starts its own blank form (a unique title), so parallel runs never share one.
for (const [device, viewport] of [
  ["desktop", { width: 1280, height: 900 }],
  ["tablet", { width: 820, height: 1180 }],
] as const) {
  test(`an admin starts a blank form on a ${device}, is asked for a title, and saves its first version`, async ({
    page,
    clinic,
  }) => {
    await page.setViewportSize(viewport);
    await signInAs(page, clinic.admin);
    await page.goto("/forms");
    const newForm = page.getByRole("form", { name: "New form" });
    await newForm.getByRole("button", { name: "New form" }).click();
    await expect(newForm.getByLabel("Title of the new form")).toHaveAccessibleDescription("This cannot be empty.");
    await expectAccessible(page);

    const title = `Return visit check-in ${uniqueSuffix()}`;
    await newForm.getByLabel("Title of the new form").fill(title);
    await newForm.getByLabel("Kind of form").selectOption({ label: "Other" });
    await newForm.getByRole("button", { name: "New form" }).click();
    await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: `Edit “${title}”` })).toBeVisible();
    await expect(page.getByText("A new form, not saved yet")).toBeVisible();
    await expect(page.getByLabel("Form title")).toHaveValue(title);
    await expectAccessible(page);

    // One empty section with one empty question: the save names what is missing.
    await page.getByRole("button", { name: "Save as version 1" }).click();
    await expect(page.getByLabel("Section title")).toHaveAccessibleDescription("This cannot be empty.");
    await page.getByLabel("Section title").fill("Since your last visit");
    await page.getByTestId("question-1.1").getByLabel("Question text").fill("What has changed since last time?");
    await page.getByTestId("question-1.1").getByLabel("Answer type").selectOption({ label: "Long text" });
    await page.getByRole("button", { name: "Save as version 1" }).click();
    await expect(page.getByTestId("form-saved")).toHaveText("Saved as version 1.");
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `/tmp/form-editor-new-${device}.png`, fullPage: true });

    await page.getByRole("link", { name: "← All forms" }).click();
    await expect(page.getByRole("link", { name: `Edit “${title}”` })).toBeVisible();
  });
}
