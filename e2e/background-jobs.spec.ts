import { randomUUID } from "node:crypto";
import pg from "pg";
import { test, expect, signInAs, uniqueSuffix, expectAccessible } from "./fixtures";

/**
 * The admins' list of failed background jobs. Jobs fail only when something outside breaks (an
 * SMTP server refusing), so the spec writes failed jobs straight into the database: that needs
 * the PostgreSQL mode (TEST_DATABASE_URL), as an embedded PGlite folder belongs to the server.
 */
async function withDb<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function insertJob(c: pg.Client, clinic: "demo-clinic" | "other-clinic" | null, status: string, error: string) {
  const { rows } = await c.query<{ id: string }>(
    `insert into jobs (clinic_id, name, payload, status, attempts, max_attempts, last_error, run_at, finished_at)
     values ((select id from clinics where slug = $1), 'email.send', $2, $3, $4, 5, $5,
             now() + interval '10 minutes', case when $3 = 'dead' then now() else null end)
     returning id`,
    [clinic, JSON.stringify({ outboxId: randomUUID() }), status, status === "dead" ? 5 : 2, error],
  );
  return rows[0]!.id;
}

test("a therapist has no background jobs page and no API to it", async ({ page }) => {
  await signInAs(page, "therapist@demo.test");
  const res = await page.goto("/admin/jobs");
  expect(res?.status()).toBe(403);
  expect((await page.request.get("/api/jobs/failed")).status()).toBe(403);
});

test("an admin sees the clinic's failed jobs, retries one and discards another", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "writes failed jobs into the database: run with TEST_DATABASE_URL");
  test.slow();
  const tag = uniqueSuffix();
  const ids = await withDb(async (c) => ({
    dead: await insertJob(c, "demo-clinic", "dead", `Error: mailbox unavailable ${tag}a`),
    retrying: await insertJob(c, "demo-clinic", "queued", `Error: connection refused ${tag}b`),
    platform: await insertJob(c, null, "dead", `Error: platform ${tag}c`),
    other: await insertJob(c, "other-clinic", "dead", `Error: other clinic ${tag}d`),
  }));

  await signInAs(page, "admin@demo.test");
  await page.goto("/therapist");
  await page.getByRole("button", { name: "Clinic", exact: true }).click();
  await page.getByRole("menuitem", { name: "Background jobs" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();

  const table = page.getByRole("table", { name: "Failed background jobs" });
  const deadRow = table.getByRole("row").filter({ hasText: `${tag}a` });
  const retryingRow = table.getByRole("row").filter({ hasText: `${tag}b` });
  await expect(deadRow).toContainText("Gave up");
  await expect(deadRow).toContainText("5 of 5");
  await expect(retryingRow).toContainText("Retrying");
  await expect(retryingRow).toContainText("Next try");
  // Platform jobs and other clinics' jobs are not this clinic's business.
  await expect(table).not.toContainText(`${tag}c`);
  await expect(table).not.toContainText(`${tag}d`);
  expect((await page.request.post(`/api/jobs/${ids.other}/retry`)).status()).toBe(404);
  expect((await page.request.delete(`/api/jobs/${ids.platform}`)).status()).toBe(404);
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

  // Discard the dead one, after confirming.
  await deadRow.getByRole("button", { name: /^Discard/ }).click();
  const dialog = page.getByRole("alertdialog", { name: /Discard this job/ });
  await expect(dialog).toBeVisible();
  await expectAccessible(page);
  await dialog.getByRole("button", { name: "Discard job" }).click();
  await expect(page.getByText("Send an email: discarded.")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: `${tag}a` })).toHaveCount(0);

  // Retry the other now: the worker runs it (its outbox row is gone, so it has nothing to send).
  await retryingRow.getByRole("button", { name: /^Retry now/ }).click();
  await expect(page.getByText("Send an email: queued to run again now.")).toBeVisible();
  await expect
    .poll(
      () =>
        withDb(async (c) => (await c.query("select status from jobs where id = $1", [ids.retrying])).rows[0]?.status),
      {
        timeout: 30_000,
      },
    )
    .toBe("done");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Background jobs" })).toBeVisible();
  await expect(page.getByText(`${tag}b`)).toHaveCount(0);
  await withDb((c) => c.query("delete from jobs where id = any($1)", [[ids.platform, ids.other]]));
});
