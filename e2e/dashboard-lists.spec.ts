import { test, expect, signInAs, expectAccessible, uniqueSuffix } from "./fixtures";

// The dashboard's lists are capped at 10 rows with a "Show more" link (a big clinic's dashboard used to send
// every row of both lists). Enough clients are made worse than baseline for the cap to show.
test("needs attention shows 10 clients, then 10 more on 'Show more', keeping the page accessible", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.therapist);
  const api = page.request;
  const listed = async () => ((await (await api.get("/api/attention")).json()) as unknown[]).length;
  const suffix = uniqueSuffix();
  for (let i = await listed(); i < 12; i++) {
    const client = await (
      await api.post("/api/clients", { data: { firstName: `Capped${i}`, lastName: `Worse ${suffix}` } })
    ).json();
    const complaint = await (
      await api.post(`/api/clients/${client.id}/complaints`, {
        data: { title: "Neck pain", regions: [], onsetDate: null },
      })
    ).json();
    for (const [daysAgo, before] of [
      [20, 2],
      [6, 7],
    ] as const) {
      const visit = await (
        await api.post(`/api/clients/${client.id}/visits`, {
          data: { startedAt: new Date(Date.now() - daysAgo * 86_400_000).toISOString() },
        })
      ).json();
      const res = await api.put(`/api/visits/${visit.id}/pain`, {
        data: { scores: [{ complaintId: complaint.id, before, after: 1 }] },
      });
      expect(res.status()).toBe(200);
    }
  }
  const total = await listed();
  expect(total).toBeGreaterThan(10);

  await page.goto("/therapist");
  const list = page.getByTestId("needs-attention");
  const rows = list.locator(":scope > li");
  await expect(rows).toHaveCount(10);
  await expect(page.getByText(`Showing 10 of ${total} clients.`)).toBeVisible();
  await expectAccessible(page);

  await page
    .getByRole("link", { name: /^Show \d+ more clients$/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/therapist\?attention=20#needs-attention$/);
  await expect(rows).toHaveCount(Math.min(20, total));
});
