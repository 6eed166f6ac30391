import type { Browser, BrowserContext } from "@playwright/test";
import { test, expect, apiLogin, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";
import type { SeededClinic } from "./seeded-clinic";

const PASSWORD = "a long enough passphrase";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

/** A new therapist of the spec's clinic with a random name, invited by the admin and joined through the API. */
async function newTherapist(browser: Browser, clinic: SeededClinic): Promise<{ email: string; name: string }> {
  const suffix = uniqueSuffix();
  const email = `devices.${suffix}@example.test`;
  const name = `Dana Devices${suffix}`;
  const ctx = await browser.newContext();
  await apiLogin(ctx.request, clinic.admin);
  const invite = await ctx.request.post("/api/invitations", { data: { email, role: "therapist" } });
  expect(invite.status()).toBe(201);
  const token = new URL((await invite.json()).link).pathname.split("/").pop();
  const accepted = await ctx.request.post("/api/invitations/accept", {
    data: { token, name, password: PASSWORD, confirmPassword: PASSWORD },
  });
  expect(accepted.status()).toBe(200);
  await ctx.close();
  return { email, name };
}

const meStatus = async (ctx: BrowserContext) => (await ctx.request.get("/api/me")).status();

test("the devices page lists where a login is signed in and signs devices out for good", async ({
  browser,
  clinic,
}) => {
  // Three browsers, three sizes of screenshot and three axe runs: more than the default budget.
  test.slow();
  const person = await newTherapist(browser, clinic);
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, userAgent: IPHONE_SAFARI });
  await apiLogin(desk.request, person.email, PASSWORD);
  await apiLogin(phone.request, person.email, PASSWORD);

  const page = await desk.newPage();
  await page.goto("/therapist");
  await page.getByRole("button", { name: new RegExp(person.name) }).click();
  await page.getByRole("menuitem", { name: "Signed-in devices" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Signed-in devices" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "2 signed-in devices" })).toBeVisible();
  await expect(page.getByText("This device")).toBeVisible();
  await expect(page.getByText("Safari on iOS")).toBeVisible();
  await expectAccessible(page);
  for (const [w, h] of [
    [1440, 900],
    [1024, 768],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/devices-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // One device: the phone's cookie stops working at once.
  await page.getByRole("button", { name: /^Sign out Safari on iOS/ }).click();
  await expect(page.getByTestId("devices-status")).toHaveText("Signed out Safari on iOS.");
  await expect(page.getByTestId("devices-status-region")).toBeFocused();
  await expect(page.getByRole("heading", { name: "1 signed-in device" })).toBeVisible();
  expect(await meStatus(phone)).toBe(401);

  // Everywhere else: the phone signs in again, then is signed out from the desk.
  await apiLogin(phone.request, person.email, PASSWORD);
  await page.reload();
  await page.getByRole("button", { name: "Sign out everywhere else" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Sign out everywhere else?" });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByTestId("devices-status")).toHaveText("Signed out 1 other device.");
  expect(await meStatus(phone)).toBe(401);
  expect(await meStatus(desk)).toBe(200);

  // Signing out ends the session on the server: a copy of the old cookie is dead too.
  const stolen = await desk.storageState();
  await page.getByRole("button", { name: "Sign out this device" }).click();
  await expect(page).toHaveURL(/\/signin/);
  const replay = await browser.newContext({ storageState: stolen });
  expect(await meStatus(replay)).toBe(401);
  const replayPage = await replay.newPage();
  await replayPage.goto("/therapist");
  await expect(replayPage).toHaveURL(/\/signin/);
  await Promise.all([desk.close(), phone.close(), replay.close()]);
});

test("an admin removes a therapist from the clinic and their session ends at once", async ({
  browser,
  page,
  clinic,
}) => {
  const person = await newTherapist(browser, clinic);
  const theirs = await browser.newContext();
  await apiLogin(theirs.request, person.email, PASSWORD);

  await signInAs(page, clinic.admin);
  await page.goto("/admin");
  const row = page.getByRole("listitem").filter({ hasText: person.email });
  await row.getByRole("button", { name: "Remove from clinic" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Remove ${person.name} from the clinic?` });
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Remove from clinic" }).click();
  await expect(page.getByTestId("staff-removed")).toHaveText(`${person.name} was removed from the clinic.`);
  await expect(page.getByText(person.email)).toBeHidden();
  expect(await meStatus(theirs)).toBe(401);
  await theirs.close();
});

test("changing the password keeps this device and signs out the others", async ({ browser, clinic }) => {
  const person = await newTherapist(browser, clinic);
  const desk = await browser.newContext();
  const other = await browser.newContext();
  await apiLogin(desk.request, person.email, PASSWORD);
  await apiLogin(other.request, person.email, PASSWORD);
  const page = await desk.newPage();
  await page.goto("/account/devices");
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password", { exact: true }).fill("an even longer passphrase");
  await page.getByLabel("Repeat the new password").fill("an even longer passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("That is not your current password.")).toBeVisible();
  await expectAccessible(page);
  expect(await meStatus(other)).toBe(200);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-changed")).toHaveText("Password changed. 1 other device was signed out.");
  expect(await meStatus(other)).toBe(401);
  expect(await meStatus(desk)).toBe(200);
  await Promise.all([desk.close(), other.close()]);
});
