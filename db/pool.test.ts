/**
 * Reads started together inside one transaction share its connection (use-cases do this with
 * Promise.all). They must each get their own answer, in order, without node-postgres's deprecated
 * internal queue (it goes in pg@9, and prints a DeprecationWarning today).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { rowsOf } from "./client";
import { freshDb, type TestDb } from "@/lib/testing/db";

describe.runIf(process.env.TEST_DATABASE_URL)("a pool connection's queries (PostgreSQL)", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await freshDb();
  });
  afterAll(() => t.close());

  it("answers reads started together in one transaction, in order, without pg's deprecated queue", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    try {
      const answers = await t.db.transaction((tx) =>
        Promise.all(
          [30, 1, 20, 2, 10].map(async (ms, i) => {
            const [row] = rowsOf<{ i: number; at: string }>(
              await tx.execute(sql`select ${i}::int as i, pg_sleep(${ms / 1000}), clock_timestamp()::text as at`),
            );
            return row!;
          }),
        ),
      );
      expect(answers.map((a) => a.i)).toEqual([0, 1, 2, 3, 4]);
      // One connection runs them one after another, in the order they were started.
      expect([...answers.map((a) => a.at)].sort()).toEqual(answers.map((a) => a.at));
      // A failing query in the middle does not stop the ones queued behind it.
      const settled = await t.db.transaction(async (tx) => {
        await tx.execute(sql`savepoint s`);
        const results = await Promise.allSettled([
          tx.execute(sql`select 1/0`),
          tx.execute(sql`rollback to savepoint s`),
          tx.execute(sql`select 7 as seven`),
        ]);
        return results.map((r) => r.status);
      });
      expect(settled).toEqual(["rejected", "fulfilled", "fulfilled"]);
      await new Promise((r) => setImmediate(r));
      expect(warnings.filter((m) => m.includes("already executing"))).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
