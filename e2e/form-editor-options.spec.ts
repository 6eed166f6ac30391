import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

test("a choice question's options keep their codes when renamed, new ones get codes from their labels, a repeated code is refused, and a condition shows a question", async ({
  page,
  clinic,
}) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, clinic.admin);
  const created = await page.request.post("/api/forms/templates/blank", {
    data: { title: `Sleep ${uniqueSuffix()}`, kind: "other" },
  });
  expect(created.status(), await created.text()).toBe(201);
  const templateId: string = (await created.json()).id;
  await page.goto(`/forms/${templateId}`);
  await page.getByLabel("Section title").fill("Sleep");

  // A single choice: each option's code is made from its label as it is typed.
  const first = page.getByTestId("question-1.1");
  await first.getByLabel("Question text").fill("How do you sleep?");
  await first.getByLabel("Answer type").selectOption({ label: "Single choice" });
  await first.getByLabel("Option 1", { exact: true }).fill("On my back");
  await first.getByLabel("Option 2", { exact: true }).fill("On my side");
  await expect(first.getByLabel("Code of option 1")).toHaveValue("on_my_back");
  await expect(first.getByLabel("Code of option 2")).toHaveValue("on_my_side");

  // A question shown only for one answer, built in the editor.
  await page.getByRole("button", { name: "Add a question to section 1" }).click();
  const second = page.getByTestId("question-1.2");
  await second.getByLabel("Question text").fill("Which side?");
  await second.getByLabel("Show question 1.2").selectOption({ label: "Only when “How do you sleep?” is answered…" });
  await second.getByLabel("Answer that shows question 1.2").selectOption({ label: "On my side" });
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save as version 1" }).click();
  await expect(page.getByTestId("form-saved")).toHaveText("Saved as version 1.");
  const v1 = await (await page.request.get(`/api/forms/templates/${templateId}`)).json();
  const [q1, q2] = v1.definition.sections[0].questions;
  expect(q1.options).toEqual([
    { value: "on_my_back", label: "On my back" },
    { value: "on_my_side", label: "On my side" },
  ]);
  expect(q2.showIf).toEqual({ question: q1.id, equals: "on_my_side" });

  // Saved codes are fixed: renaming the option keeps its code, and the condition follows the new label.
  await expect(first.getByLabel("Code of option 2")).toHaveAttribute("readonly", "");
  await first.getByLabel("Option 2", { exact: true }).fill("Mostly on my side");
  await expect(first.getByLabel("Code of option 2")).toHaveValue("on_my_side");
  await expect(second.getByLabel("Answer that shows question 1.2")).toHaveValue("on_my_side");
  await expect(second.getByLabel("Answer that shows question 1.2").locator("option:checked")).toHaveText(
    "Mostly on my side",
  );

  // A new option's code may be typed; a repeat is refused beside that code.
  await first.getByRole("button", { name: "Add an option" }).click();
  await expect(first.getByLabel("Option 3", { exact: true })).toBeFocused();
  await first.getByLabel("Option 3", { exact: true }).fill("On my front");
  await expect(first.getByLabel("Code of option 3")).toHaveValue("on_my_front");
  await first.getByLabel("Code of option 3").fill("on_my_side");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(first.getByLabel("Code of option 3")).toHaveAccessibleDescription(
    /Option 2 already has the code “on_my_side”\./,
  );
  await expectAccessible(page);
  await first.getByLabel("Code of option 3").fill("front");
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByTestId("form-saved")).toHaveText("Saved as version 2.");
  const v2 = await (await page.request.get(`/api/forms/templates/${templateId}`)).json();
  expect(v2.definition.sections[0].questions[0].options).toEqual([
    { value: "on_my_back", label: "On my back" },
    { value: "on_my_side", label: "Mostly on my side" },
    { value: "front", label: "On my front" },
  ]);
  expect(v2.definition.sections[0].questions[1].showIf).toEqual({ question: q1.id, equals: "on_my_side" });

  // The preview applies the condition as the portal will.
  await page.getByRole("button", { name: "Preview as the client sees it" }).click();
  const preview = page.getByRole("region", { name: "Preview" });
  await expect(preview.getByLabel("Which side?")).toHaveCount(0);
  await preview
    .getByRole("group", { name: /How do you sleep\?/ })
    .getByLabel("Mostly on my side")
    .check();
  await expect(preview.getByLabel("Which side?")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Edit", exact: true }).click();

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(first.getByLabel("Code of option 3")).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/form-editor-options-phone.png", fullPage: true });
});
