import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import type { Page } from "@playwright/test";

/** Clicks the back view of the body chart at normalised template coordinates. */
async function clickBack(page: Page, x: number, y: number) {
  // role is "img" while the chart has no marks and "group" once it holds focusable ones.
  const svg = page.locator("svg", { has: page.locator("title", { hasText: "Back view" }) });
  const box = await svg.boundingBox();
  if (!box) throw new Error("back view not visible");
  await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
}

test("a therapist charts three findings, edits one with the keyboard, signs, and amends", async ({ page, clinic }) => {
  const suffix = uniqueSuffix();
  await signInAs(page, clinic.therapist);
  const res = await page.request.post("/api/clients", { data: { firstName: "Vic", lastName: `Visit${suffix}` } });
  const { id: clientId } = await res.json();

  await page.goto(`/clients/${clientId}`);
  await expect(page.getByText("No visits yet")).toBeVisible();
  await page.getByRole("button", { name: "Open a visit" }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitUrl = page.url();

  const findings = page.getByRole("list", { name: "Findings" }).getByRole("listitem");
  for (const [i, [x, y]] of (
    [
      [0.6, 0.245],
      [0.42, 0.44],
      [0.57, 0.44],
    ] as const
  ).entries()) {
    await clickBack(page, x, y);
    await expect(findings).toHaveCount(i + 1);
  }
  await expect(page.getByRole("heading", { name: /^Findings \(3\)/ })).toBeVisible();

  // Keyboard: pick the first finding, set type, tenderness and algometer trials, save.
  await findings.first().getByRole("button").focus();
  await page.keyboard.press("Enter");
  const editor = page.getByRole("form", { name: "Edit finding" });
  await editor.getByRole("radio", { name: "active" }).check();
  await editor.getByLabel("Taut band palpable").check();
  await editor.getByLabel("Tenderness on palpation (0–10)").fill("7");
  // The unit starts on the therapist's last used one (another spec may have saved kPa): choose it.
  await editor.getByLabel("Algometer unit").selectOption("kgf/cm2");
  await editor.getByLabel("Trial 1").fill("2");
  await editor.getByLabel("Trial 2").fill("2.2");
  await editor.getByLabel("Trial 3").fill("2.4");
  await editor.getByRole("button", { name: "Save finding" }).focus();
  await page.keyboard.press("Enter");
  await expect(editor.getByText("Saved mean: 2.20 kg/cm² (215.7 kPa)")).toBeVisible();
  await expect(editor.getByText("Meets 2 of 3 consensus criteria", { exact: false })).toBeVisible();

  await page.getByLabel("S · Subjective").fill("Right-sided neck ache, worse after desk work.");
  await expect(page.getByTestId("save-state")).toHaveText(/^Saved \d\d:\d\d$/);
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign visit" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Sign and lock" }).click();
  await expect(page.getByText("Signed", { exact: true })).toBeVisible();

  await page.goto(visitUrl);
  await expect(findings).toHaveCount(3);
  await expect(page.getByText("Right-sided neck ache, worse after desk work.")).toBeVisible();
  await expect(page.getByLabel("S · Subjective")).toHaveCount(0);

  // The API refuses an edit after signing.
  const visitId = visitUrl.split("/").pop()!;
  const edit = await page.request.patch(`/api/visits/${visitId}`, { data: { plan: "late change", version: 2 } });
  expect(edit.status()).toBe(409);
  expect((await edit.json()).error.message).toMatch(/signed and locked/);

  await page.getByLabel("Reason for the amendment").fill("Tenderness recorded on the wrong point");
  await page.getByLabel("Correction").fill("Tenderness 7/10 belongs to the infraspinatus point.");
  await page.getByRole("button", { name: "Add signed amendment" }).click();
  await expect(page.getByRole("list", { name: "Amendments" })).toContainText("Tenderness recorded on the wrong point");
  await expect(page.getByText("Signed · amended")).toBeVisible();

  // The next visit carries the open points forward, asking for today's status.
  await page.goto(`/clients/${clientId}`);
  await page.getByRole("button", { name: "Open a visit" }).click();
  await expect(page.getByRole("heading", { name: /how is each point today/ })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign visit" })).toBeDisabled();
});

test("two tabs editing one note: the stale one is told and keeps its words", async ({ browser, clinic }) => {
  const ctx = await browser.newContext();
  const a = await ctx.newPage();
  await signInAs(a, clinic.therapist);
  const { id: clientId } = await (
    await a.request.post("/api/clients", { data: { firstName: "Two", lastName: `Tabs${uniqueSuffix()}` } })
  ).json();
  const { id: visitId } = await (await a.request.post(`/api/clients/${clientId}/visits`, { data: {} })).json();
  const b = await ctx.newPage();
  await a.goto(`/visits/${visitId}`);
  await b.goto(`/visits/${visitId}`);
  await a.getByLabel("P · Plan").fill("Plan from tab A");
  await expect(a.getByTestId("save-state")).toHaveText(/^Saved/);
  await b.getByLabel("P · Plan").fill("Plan from tab B");
  await expect(b.getByTestId("note-conflict")).toBeVisible();
  await expect(b.getByTestId("theirs-plan")).toHaveText("Plan from tab A");
  await expect(b.getByLabel("P · Plan")).toHaveValue("Plan from tab B");
  await b.getByRole("button", { name: "Save my text over theirs" }).click();
  await expect(b.getByTestId("save-state")).toHaveText(/^Saved/);
  const stored = await (await b.request.get(`/api/visits/${visitId}`)).json();
  expect(stored.plan).toBe("Plan from tab B");
  await ctx.close();
});

test("admins do not see clinical notes", async ({ page, clinic }) => {
  await signInAs(page, clinic.admin);
  const list = await (await page.request.get(`/api/clients?q=${clinic.client.lastName}`)).json();
  const res = await page.goto(`/clients/${list.items[0].id}`);
  expect(res?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Visits" })).toHaveCount(0);
  expect((await page.request.get(`/api/clients/${list.items[0].id}/visits`)).status()).toBe(403);
});
