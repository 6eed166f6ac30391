import { Secret, TOTP } from "otpauth";
import type { APIRequestContext, Page } from "@playwright/test";
import { test, expect, apiLogin, uniqueSuffix, expectAccessible } from "./fixtures";
import type { SeededClinic } from "./seeded-clinic";

const PASSWORD = "a long passphrase for two-factor";

/** What the authenticator app would show for this secret, `offsetSteps` time steps from now. */
function codeFor(secretText: string, offsetSteps = 0): string {
  const totp = new TOTP({ secret: Secret.fromBase32(secretText.replace(/\s/g, "")), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

/** A new therapist of the spec's clinic with a random name, invited by its admin and joined through the API. */
async function newTherapist(
  request: APIRequestContext,
  clinic: SeededClinic,
): Promise<{ email: string; name: string }> {
  const suffix = uniqueSuffix();
  const email = `twofactor.${suffix}@example.test`;
  const name = `Tess Twofactor ${suffix}`;
  await apiLogin(request, clinic.admin);
  const invite = await request.post("/api/invitations", { data: { email, role: "therapist" } });
  expect(invite.status()).toBe(201);
  const token = new URL((await invite.json()).link).pathname.split("/").pop();
  const accept = await request.post("/api/invitations/accept", {
    data: { token, name, password: PASSWORD, confirmPassword: PASSWORD },
  });
  expect(accept.ok(), await accept.text()).toBeTruthy();
  return { email, name };
}

/** Sign-out and the account pages live in the menu under the person's name. */
async function openAccountMenu(page: Page, name: string) {
  await page.getByRole("button", { name: new RegExp(name) }).click();
}

async function signOut(page: Page, name: string) {
  await openAccountMenu(page, name);
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
}

async function fillPassword(page: Page, email: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a therapist turns on two-factor, signs out, and signs in again with a code", async ({
  browser,
  page,
  clinic,
}) => {
  const setupCtx = await browser.newContext();
  const { email, name } = await newTherapist(setupCtx.request, clinic);
  await setupCtx.close();

  await fillPassword(page, email);
  await expect(page).toHaveURL(/\/therapist$/);
  await openAccountMenu(page, name);
  await page.getByRole("menuitem", { name: "Two-factor sign-in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Two-factor sign-in" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  await expect(page.getByRole("img", { name: "QR code holding your new two-factor key" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent()) ?? "";
  expect(secret.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/.output/two-factor-setup-desktop.png", fullPage: true });

  // A wrong first code is refused beside the field, and nothing is switched on.
  await page.getByLabel("6-digit code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();
  await expect(page.getByText(/That code is not right/)).toBeVisible();
  await page.getByLabel("6-digit code from the app").fill(codeFor(secret));
  await page.getByRole("button", { name: "Turn on two-factor sign-in" }).click();

  const codes = page.getByRole("list", { name: "Recovery codes" });
  await expect(codes.getByRole("listitem")).toHaveCount(10);
  const recovery = (await codes.getByRole("listitem").allTextContents()).map((c) => c.trim());
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "I have saved them" }).click();
  await expect(page.getByText("Recovery codes left:")).toContainText("10");

  await signOut(page, name);

  // The password alone no longer makes a session: the form asks for a code.
  await fillPassword(page, email);
  const codeField = page.getByLabel("Authentication code");
  await expect(codeField).toBeFocused();
  expect((await page.request.get("/api/me")).status()).toBe(401);
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/.output/two-factor-signin-phone.png", fullPage: true });
  await page.setViewportSize({ width: 1440, height: 900 });

  await codeField.fill("123456");
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(/That code is not right/);
  expect((await page.request.get("/api/me")).status()).toBe(401);

  // The next time step's code (the confirmation used this one, and a code never works twice).
  await codeField.fill(codeFor(secret, 1));
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/therapist$/);
  expect((await page.request.get("/api/me")).status()).toBe(200);

  // A recovery code works once.
  await signOut(page, name);
  await fillPassword(page, email);
  await page.getByLabel("Authentication code").fill(recovery[0]!);
  await page.getByRole("button", { name: "Verify and sign in" }).click();
  await expect(page).toHaveURL(/\/therapist$/);
  await page.goto("/account/two-factor");
  await expect(page.getByText("Recovery codes left:")).toContainText("9");

  // The admin sees who has enrolled.
  const adminCtx = await browser.newContext();
  const admin = await adminCtx.newPage();
  await apiLogin(admin.request, clinic.admin);
  const staff = (await (await admin.request.get("/api/staff")).json()) as {
    email: string;
    twoFactorEnabled: boolean;
  }[];
  expect(staff.find((m) => m.email === email)?.twoFactorEnabled).toBe(true);
  await admin.goto("/admin");
  await expect(
    admin.getByRole("region", { name: "Team" }).getByRole("listitem").filter({ hasText: email }),
  ).toContainText("Two-factor on");
  await adminCtx.close();
});

test("clients are offered two-factor on their account page", async ({ page, clinic }) => {
  await apiLogin(page.request, clinic.client);
  await page.goto("/portal");
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up two-factor sign-in" })).toBeVisible();
  await expectAccessible(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "e2e/.output/two-factor-portal-phone.png", fullPage: true });
});
