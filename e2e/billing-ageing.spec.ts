import { test, expect, signInAs, expectAccessible, uniqueSuffix } from "./fixtures";

// The unpaid ageing report sends its bucket totals and one page of invoices (50), oldest first; "Show more"
// fetches the next page. A big clinic's report used to send every unpaid invoice at once (issue 16).
test("unpaid ageing: totals for every unpaid invoice, 50 listed, Show more lists the next ones (desktop and phone, axe)", async ({
  page,
  clinic,
}) => {
  await signInAs(page, clinic.admin);
  const api = page.request;
  const suffix = uniqueSuffix();
  const client = await (
    await api.post("/api/clients", { data: { firstName: "Owes", lastName: `Ageing ${suffix}` } })
  ).json();
  const unpaid = async () => (await (await api.get("/api/billing/reports/ageing")).json()).count as number;
  // Enough unpaid invoices for a second page, issued by hand (one "other" line of £5.00 each).
  for (let n = await unpaid(); n <= 55; n++) {
    const draft = await api.post("/api/invoices", {
      data: {
        clientId: client.id,
        lines: [{ kind: "other", description: `Late fee ${n}`, quantity: 1, unitPriceMinor: 500 }],
      },
    });
    expect(draft.status()).toBe(201);
    const d = await draft.json();
    expect((await api.post(`/api/invoices/${d.id}/issue`, { data: { version: d.version } })).status()).toBe(200);
  }
  const first = await (await api.get("/api/billing/reports/ageing")).json();
  expect(first.items).toHaveLength(50);
  expect(first.nextCursor).not.toBeNull();
  const total = first.count as number;
  /** After "Show more": a second page (up to 50 more), and the summary line says how many are listed. */
  const expectSecondPage = async () => {
    const items = page.getByRole("list", { name: "Unpaid invoices, oldest first" }).getByRole("listitem");
    await expect.poll(() => items.count()).toBeGreaterThanOrEqual(Math.min(100, total));
    const n = await items.count();
    expect(n).toBeLessThanOrEqual(100);
    await expect(page.getByTestId("ageing-shown")).toHaveText(new RegExp(`^Showing ${n} of \\d+ unpaid invoices\\.$`));
  };

  // Specs running beside this one issue invoices in the same clinic, so the count may only grow meanwhile:
  // the page's own "of N" is the total it was given, never fewer than ours.
  await page.goto("/billing/reports");
  const list = page.getByRole("list", { name: "Unpaid invoices, oldest first" });
  await expect(list.getByRole("listitem")).toHaveCount(50);
  const shown = page.getByTestId("ageing-shown");
  await expect(shown).toHaveText(/^Showing 50 of \d+ unpaid invoices\.$/);
  expect(Number(/of (\d+)/.exec((await shown.textContent()) ?? "")![1])).toBeGreaterThanOrEqual(total);
  await expectAccessible(page);
  await page.getByRole("button", { name: "Show more unpaid invoices" }).click();
  await expectSecondPage();
  // Our own invoices are the newest: the oldest-first list reaches them only on a later page.
  if (total <= 100) await expect(list.getByText(`Ageing ${suffix}`).first()).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "/tmp/perf-ageing-desktop.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(list.getByRole("listitem")).toHaveCount(50);
  await expectAccessible(page);
  const show = page.getByRole("button", { name: "Show more unpaid invoices" });
  await show.scrollIntoViewIfNeeded();
  await show.click();
  await expectSecondPage();
  // Nothing is wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: "/tmp/perf-ageing-phone.png" });
});
