import { test, expect, DEMO_PASSWORD, uniqueSuffix, expectAccessible } from "./fixtures";

const LANDINGS = [
  { email: "therapist@demo.test", path: "/therapist", heading: /Good (morning|afternoon|evening), Tara/ },
  { email: "admin@demo.test", path: "/admin", heading: /^Staff$/ },
  { email: "client@demo.test", path: "/portal", heading: /Hello, Casey/ },
  { email: "therapist@other.test", path: "/therapist", heading: /Oscar/ },
];

for (const { email, path, heading } of LANDINGS) {
  test(`${email} signs in with the form and lands on ${path}`, async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
  });
}

test("a wrong password gets a clear message and the sign-in page is accessible", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  const res = await page.goto("/signin");
  // The security headers are on every page; a CSP violation would show in the console.
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res?.headers()["content-security-policy"]).toContain("object-src 'none'");
  await expectAccessible(page);
  await page.getByLabel("Email").fill("therapist@demo.test");
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText("That email and password do not match an account.");
  expect(errors).toEqual([]);
});

test("the eleventh failed attempt on an account is refused with the limit message", async ({ page }) => {
  const email = `nobody-${uniqueSuffix()}@example.test`;
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Password").fill(`wrong-password-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signin-error")).toHaveText(/do not match/);
  }
  await page.getByLabel("Password").fill("wrong-password-final");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signin-error")).toHaveText(/Too many failed sign-in attempts/);
});

test("signing out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill("admin@demo.test");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  // Focus lands on the page's main heading, not on <body> after the form unmounts.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.getByRole("button", { name: /Alex Admin/ }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/clients")).status()).toBe(401);
});
