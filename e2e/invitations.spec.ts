import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

test("a therapist creates a client, invites them, and the client signs in through the link", async ({
  browser,
  clinic,
}) => {
  const suffix = uniqueSuffix();
  const email = `new.client.${suffix}@example.test`;
  const staff = await browser.newContext();
  const page = await staff.newPage();
  await signInAs(page, clinic.therapist);

  await page.goto("/clients/new");
  await page.getByLabel("First name").fill("Robin");
  await page.getByLabel("Last name").fill(`Newcomer${suffix}`);
  await page.getByLabel("Email (optional)").fill(email);
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Robin Newcomer${suffix}` })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Invite to portal" }).click();
  const link = await page.getByTestId("invitation-link").inputValue();
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);
  await staff.close();

  const clientCtx = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const client = await clientCtx.newPage();
  await client.goto(new URL(link).pathname);
  await expect(client.getByRole("heading", { name: `Join ${clinic.name}` })).toBeVisible();
  await expectAccessible(client);
  await client.getByLabel("Your name").fill("Robin Newcomer");
  await client.getByLabel("Choose a password").fill("short");
  await client.getByLabel("Repeat the password").fill("short");
  await client.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(client.getByText("Use at least 12 characters.")).toBeVisible();
  await client.getByLabel("Choose a password").fill("a long enough passphrase");
  await client.getByLabel("Repeat the password").fill("a long enough passphrase");
  await client.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(client).toHaveURL(/\/portal$/);
  await expect(client.getByRole("heading", { name: "Hello, Robin" })).toBeVisible();

  // The link is single-use.
  await client.goto(new URL(link).pathname);
  await expect(client.getByRole("heading", { name: "This link no longer works" })).toBeVisible();
  await clientCtx.close();
});

test("an admin invites a therapist who joins and lands on the therapist dashboard", async ({ browser, clinic }) => {
  const email = `new.therapist.${uniqueSuffix()}@example.test`;
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await signInAs(admin, clinic.admin);
  await admin.goto("/admin");
  await admin.getByLabel("Email").fill(email);
  await admin.getByLabel("Role").selectOption("therapist");
  await admin.getByRole("button", { name: "Create invitation" }).click();
  const link = await admin.getByTestId("invitation-link").inputValue();
  await expect(admin.getByRole("region", { name: "Pending invitations" }).getByText(email)).toBeVisible();
  await adminCtx.close();

  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill("Nina New");
  await page.getByLabel("Choose a password").fill("another long passphrase");
  await page.getByLabel("Repeat the password").fill("another long passphrase");
  await page.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(page).toHaveURL(/\/therapist$/);
  await expect(page.getByRole("heading", { level: 1, name: /Nina/ })).toBeVisible();
  await ctx.close();
});
