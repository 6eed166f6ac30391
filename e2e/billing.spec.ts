import { test, expect, signInAs, expectAccessible, findClientId, uniqueSuffix, bookCompletable } from "./fixtures";

const pounds = (minor: number) =>
  new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP" }).format(minor / 100);

test("complete → invoice → part cash, rest card → client downloads the receipt PDF → the day's takings balance", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(admin, clinic.admin);
  const api = admin.request;

  // Set-up through the API: VAT 20 %, a type with a £60.00 fee, the therapist's id, the portal client's record.
  const vat = await (
    await api.post("/api/billing/tax-rates", { data: { name: `VAT ${suffix}`, rateBp: 2000 } })
  ).json();
  const typeRes = await api.post("/api/appointment-types", {
    data: {
      name: `Treatment ${suffix}`,
      durationMin: 30,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
    },
  });
  expect(typeRes.status(), await typeRes.text()).toBe(201);
  const type = await typeRes.json();
  const price = await api.put("/api/billing/prices", {
    data: { typeId: type.id, therapistUserId: null, amountMinor: 6000, taxRateId: vat.id, procedureCode: "97140" },
  });
  expect(price.status(), await price.text()).toBe(200);
  const staff: { userId: string; name: string }[] = await (await api.get("/api/staff")).json();
  const taraId = staff.find((s) => s.name === clinic.therapist.name)!.userId;
  const casey = await findClientId(api, clinic.client.lastName);
  const before = await (await api.get("/api/billing/reports/takings")).json();

  // Booked within the next hour (the first free 5-minute start), so it may be marked completed.
  const appt = await bookCompletable(api, { clientId: casey, therapistUserId: taraId, typeId: type.id });

  // The therapist completes it; a therapist without billing sees no amounts.
  const therapist = await (await browser.newContext()).newPage();
  await signInAs(therapist, clinic.therapist);
  const done = await therapist.request.post(`/api/appointments/${appt.id}/status`, {
    data: { status: "completed", version: 1 },
  });
  expect(done.status(), await done.text()).toBe(200);
  expect((await therapist.request.get("/api/invoices")).status()).toBe(403);

  // The front desk invoices it in one click and issues it.
  const drafted = await api.post(`/api/appointments/${appt.id}/invoice`);
  expect(drafted.status(), await drafted.text()).toBe(200);
  const { id: invoiceId } = await drafted.json();
  await admin.goto(`/billing/invoices/${invoiceId}`);
  await expect(admin.getByRole("article", { name: "Draft invoice" })).toContainText(`Treatment ${suffix}`);
  await expectAccessible(admin);
  await admin.getByRole("button", { name: "Issue invoice" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: "Issue" }).click();
  const paper = admin.getByRole("article", { name: "Invoice" });
  await expect(paper).toContainText("Unpaid");
  await expect(admin.getByTestId("invoice-balance")).toContainText("£60.00");

  // £20.00 in cash, then the rest by card.
  await admin.getByRole("button", { name: "Take payment" }).click();
  let dialog = admin.getByRole("dialog", { name: "Take payment" });
  await dialog.getByLabel("Method").selectOption("cash");
  await dialog.getByLabel("Amount (GBP)").fill("20");
  await expect(dialog.getByText("Part payment: £40.00 will still be due.")).toBeVisible();
  await expectAccessible(admin);
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(admin.getByTestId("invoice-balance")).toContainText("£40.00");
  await admin.getByRole("button", { name: "Take payment" }).click();
  dialog = admin.getByRole("dialog", { name: "Take payment" });
  await dialog.getByLabel("Method").selectOption("card");
  await dialog.getByLabel("Reference (optional)").fill("Terminal 0042");
  await dialog.getByRole("button", { name: "Record payment" }).click();
  await expect(admin.getByRole("article", { name: "Receipt" })).toContainText("Paid");
  await expect(admin.getByTestId("invoice-balance")).toContainText("£0.00");
  await admin.screenshot({ path: "/tmp/billing-receipt-desktop.png", fullPage: true });

  // The client finds the receipt in the portal (phone) and downloads the PDF.
  const client = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(client, clinic.client);
  await client.goto("/portal/invoices");
  await expect(client.getByRole("heading", { name: "Your invoices" })).toBeVisible();
  await expectAccessible(client);
  await client
    .getByRole("link", { name: /Receipt INV-/ })
    .first()
    .click();
  await expect(client.getByRole("article", { name: "Receipt" })).toContainText("£60.00");
  // The items table fits a 390 px phone: no column cut off behind a sideways scroll.
  const items = client.getByRole("region", { name: "Items" });
  expect(await items.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(client);
  await client.screenshot({ path: "/tmp/billing-portal-phone.png", fullPage: true });
  const [download] = await Promise.all([
    client.waitForEvent("download"),
    client.getByRole("link", { name: "Download PDF" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^receipt-INV-\d+\.pdf$/);
  const pdf = await (await client.request.get(`/api/portal/invoices/${invoiceId}/pdf`)).body();
  expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

  // The day's takings: £20.00 more cash, £40.00 more card, £60.00 more in total.
  await admin.goto("/billing/reports");
  const cashBefore = before.byMethod.find((m: { method: string }) => m.method === "cash").netMinor;
  const cardBefore = before.byMethod.find((m: { method: string }) => m.method === "card").netMinor;
  await expect(admin.getByTestId("takings-cash")).toContainText(pounds(cashBefore + 2000));
  await expect(admin.getByTestId("takings-card")).toContainText(pounds(cardBefore + 4000));
  await expect(admin.getByTestId("takings-total")).toContainText(pounds(before.total.netMinor + 6000));
  await expectAccessible(admin);
  await admin.screenshot({ path: "/tmp/billing-reports-desktop.png", fullPage: true });
});
