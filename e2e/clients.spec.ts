import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

test("search, edit with conflict protection, archive and restore", async ({ browser, clinic }) => {
  const suffix = uniqueSuffix();
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInAs(page, clinic.admin);
  const created = await page.request.post("/api/clients", {
    data: { firstName: "Jo", lastName: `Searchable${suffix}`, phone: "+44 (0) 7700 123 456" },
  });
  expect(created.status()).toBe(201);
  const { id } = await created.json();

  await page.goto("/clients");
  await expectAccessible(page);
  await page.getByLabel("Search clients").fill("07700123456".slice(-6));
  await expect(page.getByRole("link", { name: `Jo Searchable${suffix}` })).toBeVisible();

  // Two tabs edit the same record; the second save is refused, not silently applied.
  const other = await ctx.newPage();
  await page.goto(`/clients/${id}`);
  await other.goto(`/clients/${id}`);
  await page.getByRole("button", { name: "Edit details" }).click();
  await other.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Preferred name (optional)").fill("Joanna");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Details saved.")).toBeVisible();
  await other.getByLabel("Preferred name (optional)").fill("Josie");
  await other.getByRole("button", { name: "Save details" }).click();
  await expect(other.getByText("Not saved: someone else changed this client")).toBeVisible();
  await expect(other.getByLabel("Preferred name (optional)")).toHaveValue("Josie");
  const stored = await (await page.request.get(`/api/clients/${id}`)).json();
  expect(stored.preferredName).toBe("Joanna");

  await page.getByRole("button", { name: "Archive client" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Archive" }).click();
  await expect(page.getByText("Archived", { exact: true }).first()).toBeVisible();
  expect((await (await page.request.get(`/api/clients?q=Searchable${suffix}`)).json()).items).toEqual([]);
  await page.getByRole("button", { name: "Restore client" }).click();
  await expect(page.getByRole("button", { name: "Archive client" })).toBeVisible();
  await ctx.close();
});

test("bad input is refused with field messages from the API and the form", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  const res = await page.request.post("/api/clients", {
    data: { firstName: "", lastName: "X", email: "not-an-email" },
  });
  expect(res.status()).toBe(400);
  const body = await res.json();
  expect(body.error.code).toBe("INVALID");
  expect(body.error.fieldErrors.firstName).toEqual(["Enter a first name."]);
  expect(body.error.fieldErrors.email).toEqual(["Enter a valid email address."]);

  await page.goto("/clients/new");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByText("Enter a first name.")).toBeVisible();
  await expect(page.getByText("Enter a last name.")).toBeVisible();
});
