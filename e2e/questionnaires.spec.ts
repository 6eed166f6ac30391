import type { Locator, Page } from "@playwright/test";
import { test, expect, apiLogin, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/** Every radio in the group is a thumb-sized target on the phone. */
async function expectThumbSized(group: Locator) {
  for (const radio of await group.getByRole("radio").all()) {
    const box = (await radio.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
  }
}

/** Taps the figure where a region's centre is drawn (coordinates of template knotwork-adult-v1). */
async function tapFigure(page: Page, view: "front" | "back", x: number, y: number) {
  const figure = page.getByRole("img", { name: new RegExp(`Body figure, ${view} view`) });
  const box = (await figure.boundingBox())!;
  // The figure's viewBox starts at x = 114 of the 600 × 800 template and is 372 wide.
  await page.touchscreen.tap(box.x + ((x * 600 - 114) / 372) * box.width, box.y + y * box.height);
}

test("a therapist assigns PSFS, the client answers it and checks in on a phone, and the therapist sees the score", async ({
  browser,
  clinic,
}) => {
  // The spec's own portal client, who has answered nothing yet; the activities are this run's.
  const suffix = uniqueSuffix();
  const activities = [`Driving ${suffix}`, `Lifting ${suffix}`, `Typing ${suffix}`];

  const staff = await browser.newContext();
  await apiLogin(staff.request, clinic.therapist);
  const clientId = clinic.client.id;
  // Nothing assigned yet (a PSFS already waiting would block a second copy).
  type Assignment = { id: string; instrumentId: string; due: boolean };
  const before: Assignment[] = await (await staff.request.get(`/api/clients/${clientId}/questionnaires`)).json();
  expect(before.filter((x) => x.instrumentId === "psfs" && x.due)).toEqual([]);
  const desk = await staff.newPage();
  await desk.goto(`/clients/${clientId}/questionnaires`);
  await expect(desk.getByRole("heading", { name: `Questionnaires · ${clinic.client.name}` })).toBeVisible();
  await expectAccessible(desk);

  // Assign through the form, once.
  const form = desk.getByRole("region", { name: "Assign a questionnaire" });
  await form.getByLabel("Questionnaire", { exact: true }).selectOption("psfs");
  await form.getByLabel("Once (intake or re-assessment)").check();
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByText("Patient-Specific Functional Scale (PSFS) assigned.")).toBeVisible();
  await expect(
    desk.getByRole("listitem", { name: "Patient-Specific Functional Scale (PSFS)" }).filter({ hasText: "Due now" }),
  ).toHaveCount(1);
  const assignments: Assignment[] = await (await staff.request.get(`/api/clients/${clientId}/questionnaires`)).json();
  const assignment = assignments.find((a) => a.instrumentId === "psfs" && a.due)!;

  // The client, on a phone: the portal home says what is waiting.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInAs(page, clinic.client);
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: /questionnaires? to fill in$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Weekly check-in" })).toBeVisible();
  await page.locator(`a[href="/portal/questionnaires/${assignment.id}"]`).tap();

  // PSFS: name the activities first (at least three), then rate each on its own screen.
  await expect(page.getByRole("heading", { name: /Which everyday activities are hard for you/ })).toBeVisible();
  await expect(page.getByText("Question 1 of 4")).toBeVisible();
  await expectAccessible(page);
  // A first PSFS: no activities named at an earlier one are offered again.
  for (let i = 1; i <= 5; i++) await expect(page.getByLabel(new RegExp(`^Activity ${i}\\b`))).toHaveValue("");
  await page.getByRole("button", { name: "Next", exact: true }).tap();
  await expect(page.getByText("Name at least 3 activities (0 so far).")).toBeVisible();
  for (const [i, name] of activities.entries()) await page.getByLabel(`Activity ${i + 1}`, { exact: true }).fill(name);
  await page.getByRole("button", { name: "Next", exact: true }).tap();

  const ratings = [4, 6, 5];
  for (const [i, name] of activities.entries()) {
    await expect(page.getByText(`Question ${i + 2} of 4`)).toBeVisible();
    const question = page.getByRole("radiogroup", { name: `How well can you do this today: “${name}”?` });
    await expect(question).toBeVisible();
    if (i === 0) {
      await expectThumbSized(question);
      // A rating is needed before moving on; the message sits beside the question.
      await page.getByRole("button", { name: "Next", exact: true }).tap();
      await expect(page.getByText("Choose an answer.")).toBeVisible();
      await expectAccessible(page);
    }
    await question.getByRole("radio", { name: String(ratings[i]), exact: true }).tap();
    await page.getByRole("button", { name: i === 2 ? "Send answers" : "Next", exact: true }).tap();
  }
  await expect(page.getByRole("heading", { name: "Thank you — your answers are in" })).toBeVisible();
  await expect(page.getByText("Your average score is 5 out of 10.")).toBeVisible();
  await expectAccessible(page);

  // The weekly check-in: a tap on the figure, a tap on a score; then one place from the list.
  await page.goto("/portal/check-in");
  await expect(page.getByRole("heading", { name: "Where does it hurt this week?" })).toBeVisible();
  // None saved this week yet: the body map is open, with nothing on it.
  await expect(page.getByRole("button", { name: "Change this week's check-in" })).toBeHidden();
  await expect(page.getByRole("button", { name: /^Remove: / })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Back", exact: true }).tap();
  await tapFigure(page, "back", 0.525, 0.155);
  const sheet = page.getByRole("group", { name: "Back of neck, right" });
  await expectThumbSized(sheet);
  await sheet.getByRole("radio", { name: "6", exact: true }).tap();
  await expect(sheet).toBeHidden();
  await page.getByText("Middle and lower back").tap();
  await page.getByRole("button", { name: "Low back beside spine, left", exact: true }).tap();
  await page
    .getByRole("group", { name: "Low back beside spine, left" })
    .getByRole("radio", { name: "3", exact: true })
    .tap();
  await expect(page.getByRole("button", { name: "Low back beside spine, left", exact: true })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await expectAccessible(page);
  await page.getByRole("button", { name: "Save · 2 places" }).tap();
  await expect(page.getByRole("heading", { name: "✓ Saved — thank you" })).toBeVisible();
  const saved = page.getByRole("list", { name: "Where it hurts this week" });
  await expect(saved.getByRole("listitem").filter({ hasText: "Back of neck, right" })).toContainText("6 out of 10");
  await expect(saved.getByRole("listitem").filter({ hasText: "Low back beside spine, left" })).toContainText(
    "3 out of 10",
  );
  await expectAccessible(page);
  await page.goto("/portal");
  await expect(page.getByRole("region", { name: "Weekly check-in" }).getByText("Done for this week")).toBeVisible();

  // The therapist's view: the PSFS score with this run's activities, and a baseline.
  await desk.reload();
  const psfs = desk.getByRole("region", { name: "Patient-Specific Functional Scale (PSFS)" });
  await expect(psfs.getByText("Latest", { exact: true })).toBeVisible();
  // The MCID in words: this first PSFS is the baseline that change is judged from.
  await expect(psfs.getByTestId("mcid-status")).toContainText("MCID");
  await expect(psfs.getByTestId("mcid-status")).toContainText("Baseline recorded");
  await psfs.getByRole("button", { name: "Show the scores as a table" }).click();
  const row = psfs.getByRole("row").filter({ hasText: activities[0]! });
  await expect(row).toContainText(`${activities[0]}: 4; ${activities[1]}: 6; ${activities[2]}: 5`);
  await expect(row.getByRole("cell").first()).toHaveText("5");
  await expect(row).toContainText("Portal");
  await expectAccessible(desk);

  await phone.close();
  await staff.close();
});
