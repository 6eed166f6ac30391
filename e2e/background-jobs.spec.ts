import { test, expect, signInAs, apiLogin, uniqueSuffix, expectAccessible } from "./fixtures";
import { acceptMailFor, mailTo } from "./mailbox";

/**
 * The admins' list of failed background jobs. Jobs fail when something outside breaks, so the
 * spec breaks it for real: the e2e mail server (e2e/mail-catcher.ts) refuses invitation emails to
 * "bounce-…" addresses for good (550) and to "later-…" addresses for now (451), until the spec
 * tells it to accept them. Both database modes.
 */

test("a therapist has no background jobs page and no API to it", async ({ page, clinic }) => {
  await signInAs(page, clinic.therapist);
  const res = await page.goto("/admin/jobs");
  expect(res?.status()).toBe(403);
  expect((await page.request.get("/api/jobs/failed")).status()).toBe(403);
});

type FailedJobs = { jobs: { id: string; status: string; lastError: string | null }[] };

test("an admin sees the clinic's failed jobs, discards one, and retries the other once the mail server takes it", async ({
  page,
  playwright,
  baseURL,
  clinic,
}) => {
  test.slow();
  // Letters only: error messages mask long digit runs, and the rows are found by this tag.
  const tag = uniqueSuffix().replace(/\d/g, (d) => "abcdefghij"[Number(d)]!);
  const refused = `bounce-${tag}`;
  const gone = `bounce-${tag}z`;
  const busy = `later-${tag}`;
  const elsewhere = `bounce-${tag}x`;
  await signInAs(page, clinic.admin);
  for (const local of [refused, gone, busy]) {
    const res = await page.request.post("/api/invitations", {
      data: { email: `${local}@example.test`, role: "therapist" },
    });
    expect(res.status()).toBe(201);
  }
  // Another clinic's invitation bounces too: not this clinic's business.
  if (!clinic.other) throw new Error("background-jobs.spec.ts has a second clinic (scripts/e2e-seed/second-clinic.ts)");
  const otherAdmin = await playwright.request.newContext({ baseURL });
  await apiLogin(otherAdmin, clinic.other.admin);
  expect(
    (
      await otherAdmin.post("/api/invitations", { data: { email: `${elsewhere}@example.test`, role: "therapist" } })
    ).status(),
  ).toBe(201);
  const otherJob = async () =>
    ((await (await otherAdmin.get("/api/jobs/failed")).json()) as FailedJobs).jobs.find((j) =>
      j.lastError?.includes(elsewhere),
    );
  await expect.poll(async () => (await otherJob())?.status, { timeout: 30_000 }).toBe("dead");

  await page.goto("/therapist");
  await page.getByRole("button", { name: "Clinic", exact: true }).click();
  await page.getByRole("menuitem", { name: "Background jobs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();

  const table = page.getByRole("table", { name: "Failed background jobs" });
  const deadRow = table.getByRole("row").filter({ hasText: `(ref ${refused})` });
  const goneRow = table.getByRole("row").filter({ hasText: gone });
  const retryingRow = table.getByRole("row").filter({ hasText: busy });
  // The worker sends in the background: look again until both have failed once.
  await expect(async () => {
    await page.reload();
    await expect(deadRow).toHaveCount(1, { timeout: 1_000 });
    await expect(goneRow).toHaveCount(1, { timeout: 1_000 });
    await expect(retryingRow).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  // "No such mailbox" is final: it gave up after one attempt instead of trying for an hour.
  await expect(deadRow).toContainText("Gave up");
  await expect(deadRow).toContainText("1 of 5");
  await expect(deadRow).toContainText("MailRefused: The mail server refused the message: 550");
  // "Try again later" is tried again later.
  await expect(retryingRow).toContainText("Retrying");
  await expect(retryingRow).toContainText("Next try");
  await expect(table).not.toContainText(elsewhere);
  const other = (await otherJob())!;
  expect((await page.request.post(`/api/jobs/${other.id}/retry`)).status()).toBe(404);
  expect((await page.request.delete(`/api/jobs/${other.id}`)).status()).toBe(404);
  await expectAccessible(page);
  for (const [w, h] of [
    [1440, 900],
    [820, 1180],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: `/tmp/background-jobs-${w}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 800 });

  // Discard one that gave up, after confirming. (Only dead jobs are acted on here: a retrying one
  // may be running at that very moment, which the API rightly answers with 409.)
  await goneRow.getByRole("button", { name: /^Discard/ }).click();
  const dialog = page.getByRole("alertdialog", { name: /Discard this job/ });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Discard job" }).click();
  await expect(page.getByText("Send an email: discarded.")).toBeVisible();
  await expect(goneRow).toHaveCount(0);

  // The mailbox exists after all: "Retry now" runs the other at once, and the invitation arrives.
  acceptMailFor(`${refused}@example.test`);
  await deadRow.getByRole("button", { name: /^Retry now/ }).click();
  await expect(page.getByText("Send an email: queued to run again now.")).toBeVisible();
  const mail = await mailTo(`${refused}@example.test`, /invites you to Knotwork/);
  expect(mail.text).toContain("/invite/");
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible({ timeout: 2_000 });
    await expect(page.getByText(`(ref ${refused})`)).toHaveCount(0, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await otherAdmin.dispose();
});
