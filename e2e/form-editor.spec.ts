import { test, expect, signInAs, expectAccessible } from "./fixtures";

// The privacy notice of this spec's own clinic: nothing else copies or sends it, so its versions are this spec's.
test("an admin copies a starting form, adds and reorders a question, previews it, saves a new version and is told when someone saved first", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, clinic.admin);
  await page.goto("/forms");
  await expect(page.getByRole("heading", { name: "Forms", level: 1 })).toBeVisible();
  await expectAccessible(page);

  // A starting form is read-only: previewed as the client sees it, then copied to edit.
  await page.getByRole("link", { name: "Preview “Privacy notice”" }).click();
  await expect(page.getByText("A starting form, read-only.")).toBeVisible();
  await expect(page.getByRole("group", { name: /You may send me appointment reminders/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Make a copy of “Privacy notice”" }).click();
  await expect(page).toHaveURL(/\/forms\/[0-9a-f-]{36}$/);
  const templateId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: "Edit “Privacy notice”" })).toBeVisible();
  await expect(page.getByText("Version 1.", { exact: false })).toBeVisible();
  await expectAccessible(page);

  // A new single-choice question, added at the end of section 1 and moved up with the keyboard.
  await page.getByRole("button", { name: "Add a question to section 1" }).click();
  const added = page.getByTestId("question-1.3");
  await expect(added.getByLabel("Question text")).toBeFocused();
  await added.getByLabel("Question text").fill("How did you hear about us?");
  await added.getByLabel("Answer type").selectOption({ label: "Single choice" });
  await added.getByLabel("Option 1", { exact: true }).fill("A friend");
  await added.getByLabel("Option 2", { exact: true }).fill("A search engine");
  await added.getByRole("button", { name: "Add an option" }).click();
  await added.getByLabel("Option 3", { exact: true }).fill("My doctor");
  await added.getByLabel("Must be answered").check();
  await added.getByRole("button", { name: /^Move question 1\.3 .* up$/ }).focus();
  await page.keyboard.press("Enter");
  const moved = page.getByTestId("question-1.2");
  await expect(moved.getByLabel("Question text")).toHaveValue("How did you hear about us?");
  await expect(moved.getByRole("button", { name: /^Move question 1\.2 .* up$/ })).toBeFocused();
  await expect(page.getByTestId("question-1.3").getByLabel("Answer type")).toHaveValue("signature");

  // Validation by field, with the save schema's own messages.
  await page.getByLabel("Section title").fill("");
  await moved.getByLabel("Option 2", { exact: true }).fill("");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByLabel("Section title")).toHaveAccessibleDescription("This cannot be empty.");
  await expect(moved.getByLabel("Option 2", { exact: true })).toHaveAccessibleDescription("This cannot be empty.");
  await expectAccessible(page);
  await page.getByLabel("Section title").fill("Acknowledgement");
  await moved.getByLabel("Option 2", { exact: true }).fill("A search engine");

  // The preview is the portal's own renderer, with the unsaved changes.
  await page.getByRole("button", { name: "Preview as the client sees it" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  const choice = preview.getByRole("group", { name: "How did you hear about us?" });
  await expect(choice.getByLabel("My doctor")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Edit", exact: true }).click();

  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByTestId("form-saved")).toHaveText("Saved as version 2.");
  await expect(page.getByText("No unsaved changes")).toBeVisible();
  const saved = await (await page.request.get(`/api/forms/templates/${templateId}`)).json();
  expect(saved.currentVersion).toBe(2);
  const q = saved.definition.sections[0].questions[1];
  expect(q).toMatchObject({ kind: "single_choice", label: "How did you hear about us?", required: true });
  expect(q.options.map((o: { label: string }) => o.label)).toEqual(["A friend", "A search engine", "My doctor"]);

  // Someone else saves version 3 meanwhile: this editor's save is refused and says so.
  const other = await page.request.put(`/api/forms/templates/${templateId}`, {
    data: { baseVersion: 2, definition: { ...saved.definition, title: "Privacy notice (reception)" } },
  });
  expect(other.status()).toBe(200);
  await page.getByLabel("Form title").fill("Privacy notice (mine)");
  await expect(page.getByText("Unsaved changes", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save as version 3" }).click();
  const stale = page.getByTestId("form-stale");
  await expect(stale).toContainText("someone else saved this form first");
  await expect(stale).toContainText("now version 3");
  await expectAccessible(page);

  // Leaving with unsaved changes asks first.
  page.once("dialog", (d) => void d.dismiss());
  await page.getByRole("link", { name: "← All forms" }).click();
  await expect(page).toHaveURL(new RegExp(`/forms/${templateId}$`));

  await stale.getByRole("button", { name: "Load the saved version" }).click();
  await expect(page.getByRole("heading", { name: "Edit “Privacy notice (reception)”" })).toBeVisible();
  await expect(page.getByLabel("Form title")).toHaveValue("Privacy notice (reception)");
  await expect(page.getByRole("button", { name: "Save as version 4" })).toBeVisible();

  // Usable on a phone: nothing wider than the screen.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(page.getByRole("button", { name: "Add a section" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/form-editor-phone.png", fullPage: true });
});
