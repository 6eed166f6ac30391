import { test, expect, signInAs, expectAccessible, uniqueSuffix, bookCompletable, findClientId } from "./fixtures";

test("admin creates a package plan, sells it to a client, completes an appointment: 1 of 5 used", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const admin = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await signInAs(admin, clinic.admin);
  const api = admin.request;

  // Set-up through the API: a type of this run and a client of this run (a clean account).
  const typeRes = await api.post("/api/appointment-types", {
    data: {
      name: `Massage ${suffix}`,
      durationMin: 30,
      bufferAfterMin: 0,
      colour: "#0f6b73",
      bookableOnline: false,
      needsRoom: false,
    },
  });
  expect(typeRes.status(), await typeRes.text()).toBe(201);
  const type = await typeRes.json();
  const clientRes = await api.post("/api/clients", { data: { firstName: "Pia", lastName: `Package ${suffix}` } });
  expect(clientRes.status(), await clientRes.text()).toBe(201);
  const client = await clientRes.json();

  // The plan editor: a missing name is refused by field, then the plan is added.
  await admin.goto("/billing/settings/packages");
  await expect(admin.getByRole("heading", { name: "Packages", level: 1 })).toBeVisible();
  await expectAccessible(admin);
  const form = admin.locator("form").filter({ has: admin.getByRole("button", { name: "Add plan" }) });
  await form.getByLabel("Price (GBP)").fill("250.00");
  await form.getByRole("checkbox", { name: `Massage ${suffix}` }).check();
  await form.getByRole("button", { name: "Add plan" }).click();
  await expect(form.getByText("Name the package (e.g. 5 treatments).")).toBeVisible();
  await form.getByLabel("Name").fill(`5 massages ${suffix}`);
  await form.getByLabel("Sessions").fill("5");
  await form.getByRole("button", { name: "Add plan" }).click();
  await expect(admin.getByText(`Saved “5 massages ${suffix}”.`)).toBeVisible();
  const plans = admin.getByRole("list", { name: "Package plans" });
  await expect(plans).toContainText(`5 massages ${suffix}`);
  await expect(plans).toContainText(`Covers Massage ${suffix}`);
  await expectAccessible(admin);

  // Sold from the client's account: the sale's invoice is on the account, no session used yet.
  await admin.goto(`/clients/${client.id}/account`);
  await admin.getByLabel("Package to sell").selectOption({ label: `5 massages ${suffix} · 5 sessions · £250.00` });
  await admin.getByRole("button", { name: "Sell package" }).click();
  const pkg = admin.getByTestId("client-package");
  await expect(pkg).toContainText("0 of 5 used");
  await expect(admin.getByTestId("account-owing")).toContainText("£250.00");
  await expectAccessible(admin);

  // An appointment within the next hour (so it may be completed), completed through the API.
  const staff: { userId: string; name: string }[] = await (await api.get("/api/staff")).json();
  const taraId = staff.find((s) => s.name === clinic.therapist.name)!.userId;
  const appt = await bookCompletable(api, { clientId: client.id, therapistUserId: taraId, typeId: type.id });
  const done = await api.post(`/api/appointments/${appt.id}/status`, { data: { status: "completed", version: 1 } });
  expect(done.status(), await done.text()).toBe(200);

  await admin.reload();
  await expect(pkg).toContainText("1 of 5 used");
  await expect(pkg).toContainText("4 left");
  await expect(pkg).toContainText("expires");
  // Invoicing the appointment charges nothing: the session came from the package.
  const invoiced = await api.post(`/api/appointments/${appt.id}/invoice`);
  expect(invoiced.status(), await invoiced.text()).toBe(200);
  const invoice = await invoiced.json();
  expect(invoice.totalMinor).toBe(0);
  expect(invoice.lines[0].description).toContain(`Package: 5 massages ${suffix} (session 1 of 5)`);
  await expectAccessible(admin);

  // On a phone the account still reads.
  await admin.setViewportSize({ width: 390, height: 844 });
  await expect(pkg).toContainText("1 of 5 used");
  await expectAccessible(admin);
});

test("a client sees the package they bought in the portal on a phone: sessions left and expiry", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, clinic.admin);
  const api = admin.request;
  const types: { id: string; archived: boolean }[] = await (await api.get("/api/appointment-types")).json();
  const plan = await api.post("/api/billing/package-plans", {
    data: {
      name: `3 treatments ${suffix}`,
      sessions: 3,
      typeIds: [types.find((t) => !t.archived)!.id],
      priceMinor: 15000,
      validityDays: 180,
    },
  });
  expect(plan.status(), await plan.text()).toBe(201);
  const clientId = await findClientId(api, clinic.client.email);
  const sold = await api.post(`/api/clients/${clientId}/packages`, { data: { planId: (await plan.json()).id } });
  expect(sold.status(), await sold.text()).toBe(201);

  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signInAs(phone, clinic.client);
  await phone.goto("/portal/invoices");
  const mine = phone.getByRole("region", { name: "Your packages" });
  const pkg = mine.getByTestId("client-package").filter({ hasText: `3 treatments ${suffix}` });
  await expect(pkg).toContainText("0 of 3 used");
  await expect(pkg).toContainText("3 left");
  await expect(pkg).toContainText("expires");
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(phone);
});
