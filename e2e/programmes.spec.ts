import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/** A client with an active upper-trapezius point at their latest visit and a massage ball at home. */
async function clientWithActivePoints(request: import("@playwright/test").APIRequestContext) {
  const client = await (
    await request.post("/api/clients", { data: { firstName: "Pat", lastName: `Programme${uniqueSuffix()}` } })
  ).json();
  const visit = await (await request.post(`/api/clients/${client.id}/visits`, { data: {} })).json();
  for (const [muscleId, x, y] of [
    ["upper_trapezius", 0.585, 0.185],
    ["levator_scapulae", 0.56, 0.16],
  ] as const) {
    const res = await request.post(`/api/visits/${visit.id}/findings`, {
      data: { view: "back", x, y, muscleId, side: "right", type: "active", tenderness: 6 },
    });
    expect(res.status(), `finding on ${muscleId}`).toBe(201);
  }
  expect(
    (await request.put(`/api/clients/${client.id}/tools`, { data: { tools: ["massage_ball"] } })).ok(),
  ).toBeTruthy();
  return client.id as string;
}

test("a therapist prescribes three exercises from the builder and sees the programme on the client page", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.therapist);
  const clientId = await clientWithActivePoints(page.request);

  await page.goto(`/clients/${clientId}`);
  const card = page.getByRole("region", { name: "Self-care recommendations" });
  await expect(card.getByText("No self-care running")).toBeVisible();
  await card.getByRole("link", { name: "New programme" }).click();
  await expect(page.getByRole("heading", { name: /New programme for Pat Programme/ })).toBeVisible();

  // Suggestions come from the active points, the ball (owned) first.
  const suggested = page.getByRole("list", { name: "Suggested exercises" });
  await expect(suggested.getByRole("listitem").first()).toContainText("ball press");
  await suggested.getByRole("button", { name: "Add Upper trapezius ball press against a wall" }).click();
  await suggested.getByRole("button", { name: "Add Levator scapulae ball press (angle of neck)" }).click();
  // The third from the library search.
  await page.getByLabel("Search exercises").fill("infraspinatus");
  await page
    .getByRole("list", { name: "Library exercises" })
    .getByRole("button", { name: "Add Shoulder-blade (infraspinatus) ball press" })
    .click();

  const items = page.getByTestId("programme-item");
  await expect(items).toHaveCount(3);
  const first = page.getByRole("group", { name: "1. Upper trapezius ball press against a wall" });
  await expect(first.getByLabel("Hold per spot (seconds)")).toHaveValue("60");
  await expect(first.getByText("Safe range 30–90 s")).toBeVisible();
  await expect(first.getByLabel("Targets trigger point")).not.toHaveValue("");

  // Above the safe range needs a reason; the box appears only then.
  await expect(first.getByLabel("Reason for going above the safe range")).toHaveCount(0);
  await first.getByLabel("Hold per spot (seconds)").fill("120");
  await expect(first.getByLabel("Reason for going above the safe range")).toBeVisible();
  await page.getByRole("button", { name: "Save programme" }).click();
  await expect(first.getByText(/An override with a reason is required|Say why/)).toBeVisible();
  await first
    .getByLabel("Reason for going above the safe range")
    .fill("Long holds settle this point; tolerated well in clinic.");

  // Reorder: the levator exercise moves to the top.
  await page.getByRole("button", { name: "Move Levator scapulae ball press (angle of neck) up" }).click();
  await expect(page.getByRole("group", { name: "1. Levator scapulae ball press (angle of neck)" })).toBeVisible();
  await page
    .getByRole("group", { name: "3. Shoulder-blade (infraspinatus) ball press" })
    .getByLabel("Note for the client")
    .fill("Stand a step from the wall.");
  await page.getByLabel("Title").fill("Neck and shoulder self-care");
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/programmes-builder.png", fullPage: true });

  await page.getByRole("button", { name: "Save programme" }).click();
  await expect(page).toHaveURL(new RegExp(`/clients/${clientId}$`));
  const saved = page.getByRole("region", { name: "Self-care recommendations" });
  const exercises = saved.getByRole("list", { name: "Exercises in Neck and shoulder self-care" }).getByRole("listitem");
  await expect(exercises).toHaveCount(3);
  await expect(exercises.nth(0)).toContainText("Levator scapulae ball press");
  await expect(exercises.nth(1)).toContainText("Press and hold 2 min");
  await expect(exercises.nth(1)).toContainText("Above the safe range by choice");
  await expect(saved.getByRole("heading", { name: /Adherence · this week/ })).toBeVisible();
  await page.screenshot({ path: "/tmp/programmes-client-page.png", fullPage: true });

  // The history and the printable copy.
  await saved.getByRole("link", { name: "History" }).click();
  await expect(page.getByRole("heading", { name: "Version 1 (current)" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "Print", exact: true }).click();
  await expect(page.getByText(`${clinic.name} · Self-care recommendations`)).toBeVisible();
  await expect(page.getByText("Stop and tell your therapist if:").first()).toBeVisible();
});

test("revising makes a new version and keeps the old one in the history", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  const clientId = await clientWithActivePoints(page.request);
  const dosage = {
    tool: "massage_ball",
    technique: "sustained_pressure",
    intensity: 4,
    secondsPerSpot: 60,
    spots: 2,
    sets: 2,
    restSeconds: 30,
    sessionsPerDay: 1,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  };
  const created = await page.request.post(`/api/clients/${clientId}/programmes`, {
    data: { title: "Neck", items: [{ exerciseKey: "ball_upper_trap_wall", dosage }] },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await page.goto(`/clients/${clientId}/programmes/${id}/revise`);
  await page
    .getByRole("list", { name: "Suggested exercises" })
    .getByRole("button", { name: "Add Levator scapulae ball press (angle of neck)" })
    .click();
  await page.getByLabel("What changed (for the history)").fill("Added the levator");
  await expectAccessible(page);
  // Someone else revises first: saving now is refused, nothing is lost from the form.
  const other = await page.request.post(`/api/programmes/${id}/versions`, {
    data: { version: 1, items: [{ exerciseKey: "ball_upper_trap_wall", dosage }] },
  });
  expect(other.status()).toBe(201);
  await page.getByRole("button", { name: "Save as version 2" }).click();
  await expect(page.getByText(/changed since you opened it/)).toBeVisible();
  await page.goto(`/clients/${clientId}/programmes/${id}`);
  await expect(page.getByRole("heading", { name: "Version 2 (current)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Version 1" })).toBeVisible();
});
