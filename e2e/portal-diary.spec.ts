import { test, expect, apiLogin, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/** Today in the clinic's zone: the day the server files an entry under when none is sent. */
function clinicToday(timeZone = "Europe/London") {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
}

test("a client scores a complaint on a phone, replaces it after confirming, and the therapist sees it", async ({
  browser,
  clinic,
}) => {
  // The spec's own portal client; the complaint's title is this run's, so no other text matches it.
  const suffix = uniqueSuffix();
  const title = `Neck pain ${suffix}`;
  const staff = await browser.newContext();
  await apiLogin(staff.request, clinic.therapist);
  const clientId = clinic.client.id;
  const created = await staff.request.post(`/api/clients/${clientId}/complaints`, { data: { title } });
  expect(created.status()).toBe(201);
  const complaint: { id: string } = await created.json();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await phone.newPage();
  await signInAs(page, clinic.client);
  await page.goto("/portal");
  const entry = page.getByRole("region", { name: `How much does your neck pain ${suffix} hurt today?` });
  await expect(entry).toBeVisible();
  await expect(entry.getByRole("radiogroup")).toBeVisible();
  await expect(entry.getByRole("radio", { name: "0, no pain" })).toBeVisible();
  await expect(entry.getByRole("radio", { name: "10, worst imaginable" })).toBeVisible();

  // Keyboard: arrow keys move through the scale like any radio group. The controls are
  // enabled once the page has hydrated (before that a tap could not be saved).
  await expect(entry.getByRole("radio", { name: "5", exact: true })).toBeEnabled();
  await entry.getByRole("radio", { name: "5", exact: true }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(entry.getByRole("radio", { name: "6", exact: true })).toBeChecked();
  // Thumb-sized: every choice is at least 44 × 44 px on the phone.
  for (const radio of await entry.getByRole("radio").all()) {
    const box = await radio.boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(44);
    expect(box!.height).toBeGreaterThanOrEqual(44);
  }
  await entry.getByLabel("Anything to add?").fill("Stiff after the drive");
  await entry.getByRole("button", { name: "Save" }).tap();
  await expect(entry.getByText("Saved — thank you")).toBeVisible();
  await expect(entry).toContainText("Today: 6/10");
  await expect(entry.getByRole("list", { name: /last 7 days/ }).getByRole("listitem")).toHaveCount(1);

  // A second score the same day asks first, then replaces.
  await entry.getByRole("button", { name: "Change it" }).tap();
  await entry.getByRole("radio", { name: "4", exact: true }).tap();
  await entry.getByRole("button", { name: "Save" }).tap();
  await expect(entry.getByText("You already scored this 6/10 today. Replace it with 4?")).toBeVisible();
  await expectAccessible(page);
  await entry.getByRole("button", { name: "Replace" }).tap();
  await expect(entry.getByText("Saved — thank you")).toBeVisible();
  await expect(entry).toContainText("Today: 4/10");
  await expect(entry.getByRole("list", { name: /last 7 days/ }).getByRole("listitem")).toHaveCount(1);

  // Progress in plain words for the same complaint.
  const progress = page.getByRole("region", { name: "Your progress" });
  await expect(progress.getByText(`Your neck pain ${suffix} was 4 out of 10 on`)).toBeVisible();
  await expectAccessible(page);

  const today = clinicToday(clinic.timezone);
  const diary: { complaintId: string; date: string; score: number; note: string }[] = await (
    await page.request.get("/api/portal/diary")
  ).json();
  const todays = diary.filter((e) => e.complaintId === complaint.id && e.date === today);
  expect(todays).toHaveLength(1);
  expect(todays[0]).toMatchObject({ score: 4, note: "Stiff after the drive" });

  // The therapist's view of the same client shows the replaced score.
  const res = await staff.request.get(`/api/clients/${clientId}/progress`);
  expect(res.status()).toBe(200);
  const body: { complaints: { id: string; diary: { date: string; score: number }[] }[] } = await res.json();
  const mine = body.complaints.find((c) => c.id === complaint.id);
  expect(mine?.diary).toEqual([expect.objectContaining({ date: today, score: 4 })]);

  // ...and on the progress chart in the browser: the chart for this complaint, and its scores table.
  const therapistPage = await staff.newPage();
  await therapistPage.goto(`/clients/${clientId}/progress`);
  const section = therapistPage.getByRole("region", { name: new RegExp(title) });
  await expect(section.locator("svg.recharts-surface").first()).toBeVisible();
  await section.getByRole("button", { name: "Show the scores as a table" }).click();
  const row = section
    .getByRole("table", { name: `Scores for ${title}` })
    .getByRole("row")
    .last();
  await expect(row.getByRole("cell").last()).toContainText("4");
  await expect(row.getByRole("cell").last()).toContainText("Stiff after the drive");
  await expectAccessible(therapistPage);

  await phone.close();
  await staff.close();
});
