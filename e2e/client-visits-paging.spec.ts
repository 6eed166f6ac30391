import { test, expect, signInAs, expectAccessible, uniqueSuffix } from "./fixtures";

// The client page lists the latest 20 visits with the total; "Show earlier visits" fetches the next page.
// A client with hundreds of visits used to get every one of them in the page (issue 16).
test("client page: the latest 20 visits, then the earlier ones on 'Show earlier visits' (desktop and phone, axe)", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.therapist);
  const api = page.request;
  const client = await (
    await api.post("/api/clients", { data: { firstName: "Many", lastName: `Visits ${uniqueSuffix()}` } })
  ).json();
  // 25 signed visits, one a day going back (signed, so no spec sees them as drafts waiting).
  for (let d = 1; d <= 25; d++) {
    const startedAt = new Date(Date.now() - d * 86_400_000).toISOString();
    const res = await api.post(`/api/clients/${client.id}/visits`, { data: { startedAt } });
    expect(res.status()).toBe(201);
    const { id } = await res.json();
    expect((await api.post(`/api/visits/${id}/sign`, { data: { version: 1 } })).status()).toBe(200);
  }
  const first = await (await api.get(`/api/clients/${client.id}/visits`)).json();
  expect(first.items).toHaveLength(20);
  expect(first.count).toBe(25);
  expect((await api.get(`/api/clients/${client.id}/visits?after=nonsense`)).status()).toBe(400);

  await page.goto(`/clients/${client.id}`);
  const list = page.getByRole("list", { name: "Visits, newest first" });
  await expect(list.getByRole("listitem")).toHaveCount(20);
  await expect(page.getByTestId("visits-shown")).toHaveText("Showing the latest 20 of 25 visits.");
  await expectAccessible(page);
  await page.getByRole("button", { name: "Show earlier visits" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(25);
  await expect(page.getByTestId("visits-shown")).toHaveText("Showing all 25 visits.");
  await expect(page.getByRole("button", { name: "Show earlier visits" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/perf2-visits-desktop.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(20);
  await expectAccessible(page);
  const show = page.getByRole("button", { name: "Show earlier visits" });
  await show.scrollIntoViewIfNeeded();
  await show.click();
  await expect(list.getByRole("listitem")).toHaveCount(25);
  await expectAccessible(page);
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByTestId("visits-shown").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "/tmp/perf2-visits-phone.png" });
});
