import { test, expect, uniqueSuffix, expectAccessible } from "./fixtures";
import type { SeededClinic, SeededStaff } from "./seeded-clinic";

type Who = Pick<SeededStaff, "email" | "password" | "firstName">;
const LANDINGS: { who: string; of: (c: SeededClinic) => Who; path: string; heading: (w: Who) => RegExp }[] = [
  {
    who: "a therapist",
    of: (c) => c.therapist,
    path: "/therapist",
    heading: (w) => new RegExp(`Good (morning|afternoon|evening), ${w.firstName}`),
  },
  { who: "an admin", of: (c) => c.admin, path: "/admin", heading: () => /^Staff$/ },
  { who: "a client", of: (c) => c.client, path: "/portal", heading: (w) => new RegExp(`Hello, ${w.firstName}`) },
  // The second therapist (no working hours set): the greeting names whoever signed in.
  { who: "another therapist", of: (c) => c.therapist2, path: "/therapist", heading: (w) => new RegExp(w.firstName) },
];

for (const { who, of, path, heading } of LANDINGS) {
  test(`${who} signs in with the form and lands on ${path}`, async ({ page, clinic }) => {
    const person = of(clinic);
    await page.goto("/");
    await expect(page).toHaveURL(/\/signin/);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${path}$`));
    await expect(page.getByRole("heading", { level: 1, name: heading(person) })).toBeVisible();
  });
}

test("a wrong password gets a clear message and the sign-in page is accessible", async ({ page, clinic }) => {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && /Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  const res = await page.goto("/signin");
  // The security headers are on every page; a CSP violation would show in the console.
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res?.headers()["content-security-policy"]).toContain("object-src 'none'");
  await expectAccessible(page);
  await page.getByLabel("Email").fill(clinic.therapist.email);
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

test("signing out ends the session", async ({ page, clinic }) => {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(clinic.admin.email);
  await page.getByLabel("Password").fill(clinic.admin.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin$/);
  // Focus lands on the page's main heading, not on <body> after the form unmounts.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.getByRole("button", { name: clinic.admin.name }).click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await page.request.get("/api/clients")).status()).toBe(401);
});
