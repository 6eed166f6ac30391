import { test, expect, signInAs, expectAccessible, uniqueSuffix, apiLogin } from "./fixtures";

// Progress reads a year of weeks at a time with the weekly pain worked out on the server; "Show earlier
// scores" fetches the weeks before. A client with years of history used to get every score (issue 16).
test("progress: the last year of scores with the whole history's baseline, then earlier ones on 'Show earlier scores' (axe)", async ({
  page,
  browser,
  clinic,
}) => {
  await signInAs(page, clinic.therapist);
  const api = page.request;
  const client = await (
    await api.post("/api/clients", { data: { firstName: "Long", lastName: `History ${uniqueSuffix()}` } })
  ).json();
  const complaint = await (
    await api.post(`/api/clients/${client.id}/complaints`, { data: { title: "Low back pain" } })
  ).json();
  // Two years ago and ten days ago, signed (so no spec sees them as drafts waiting).
  const scored = async (daysAgo: number, before: number, after: number) => {
    const startedAt = new Date(Date.now() - daysAgo * 86_400_000).toISOString();
    const res = await api.post(`/api/clients/${client.id}/visits`, { data: { startedAt } });
    expect(res.status()).toBe(201);
    const { id } = await res.json();
    const pain = await api.put(`/api/visits/${id}/pain`, {
      data: { scores: [{ complaintId: complaint.id, before, after }] },
    });
    expect(pain.status()).toBe(200);
    const { version } = await (await api.get(`/api/visits/${id}`)).json();
    expect((await api.post(`/api/visits/${id}/sign`, { data: { version } })).status()).toBe(200);
  };
  await scored(730, 8, 6);
  await scored(10, 3, 2);

  const first = await (await api.get(`/api/clients/${client.id}/progress`)).json();
  const c = first.complaints.find((x: { id: string }) => x.id === complaint.id);
  expect(c.visits).toHaveLength(1);
  expect(c.baseline.score).toBe(8);
  expect(c.weeks).toEqual([expect.objectContaining({ n: 1, mean: 3, min: 3, max: 3 })]);
  expect(first.window.earlier).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  const earlier = await (await api.get(`/api/clients/${client.id}/progress?before=${first.window.earlier}`)).json();
  expect(earlier.complaints.find((x: { id: string }) => x.id === complaint.id).visits).toHaveLength(1);
  expect(earlier.window.earlier).toBeNull();
  expect((await api.get(`/api/clients/${client.id}/progress?before=not-a-day`)).status()).toBe(400);

  await page.goto(`/clients/${client.id}/progress`);
  const section = page.getByRole("region", { name: "Low back pain" });
  await expect(section.getByText("8/10")).toBeVisible();
  await expect(page.getByTestId("progress-window")).toContainText("Showing scores and visits from");
  await section.getByRole("button", { name: "Show the scores as a table" }).click();
  const rows = section.getByRole("table", { name: "Scores for Low back pain" }).locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Show earlier scores" }).click();
  await expect(rows).toHaveCount(2);
  await expect(page.getByTestId("progress-window")).toHaveText("Showing every score and visit.");
  await expect(page.getByRole("button", { name: "Show earlier scores" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/progress-window-staff.png", fullPage: true });

  // The client's own progress is read the same way: a window, and a Monday to page back from.
  const portal = await browser.newContext();
  await apiLogin(portal.request, clinic.client);
  const mine = await (await portal.request.get("/api/portal/progress")).json();
  expect(mine.window.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  expect(mine.tenderness).toEqual([]);
  expect((await portal.request.get("/api/portal/progress?before=2026-12-01")).status()).toBe(400);
  await portal.close();
});
