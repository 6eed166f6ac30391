import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

test("who opened this record, and the audit trail filtered by client and event, in words", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const admin = await (await browser.newContext()).newPage();
  await signInAs(admin, clinic.admin);
  const created = await admin.request.post("/api/clients", {
    data: { firstName: "Ada", lastName: `Audited${suffix}`, phone: "+44 7700 900777" },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  // A therapist opens the record and its chart; then tries an id that is no client of theirs.
  const therapist = await (await browser.newContext()).newPage();
  await signInAs(therapist, clinic.therapist);
  await therapist.goto(`/clients/${id}/chart`);
  await expect(therapist.getByRole("heading", { level: 1 })).toBeVisible();
  const missing = "00000000-0000-4000-8000-000000000000";
  expect((await therapist.request.get(`/api/clients/${missing}`)).status()).toBe(404);

  await admin.goto(`/clients/${id}`);
  const card = admin.getByRole("region", { name: "Who opened this record" });
  const openings = card.getByRole("list", { name: "Recent openings, newest first" }).getByRole("listitem");
  // Newest first: the admin's own opening (recorded before the list is read), then the therapist's chart.
  await expect(openings.nth(0)).toContainText(`${clinic.admin.name} — Opened the client record`);
  await expect(openings.nth(1)).toContainText(`${clinic.therapist.name} — Viewed the body chart history`);
  await expectAccessible(admin);

  await admin.goto("/admin/audit");
  await expect(admin.getByRole("heading", { name: "Audit trail" })).toBeVisible();
  await admin.getByLabel("Find client").fill(`Audited${suffix}`);
  await admin.getByRole("radio", { name: `Ada Audited${suffix}` }).check();
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(new RegExp(`clientId=${id}`));
  const table = admin.getByRole("table", { name: "Audit events, newest first" });
  await expect(table.getByRole("row", { name: /Client record created/ })).toContainText(`Ada Audited${suffix}`);
  await expect(table.getByRole("row", { name: /Viewed the body chart history/ })).toContainText(clinic.therapist.name);
  // No raw codes or ids anywhere in the trail.
  await expect(table).not.toContainText("client.created");
  await expect(table).not.toContainText(id.slice(0, 8));
  await expectAccessible(admin);

  // Event kind and person narrow it further; the refused attempt is in the therapist's trail.
  await admin.goto("/admin/audit");
  await admin.getByLabel("Person").selectOption({ label: clinic.therapist.name });
  await admin.getByLabel("Event", { exact: true }).selectOption({ label: "Access refused" });
  await admin.getByRole("button", { name: "Apply filters" }).click();
  await expect(admin).toHaveURL(/action=access\.refused/);
  const refused = admin.getByRole("table", { name: "Audit events, newest first" }).getByRole("row").nth(1);
  await expect(refused).toContainText("Access refused");
  await expect(refused).toContainText("Tried: opened the client record");
  await expectAccessible(admin);
});
