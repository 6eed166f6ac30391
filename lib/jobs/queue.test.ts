import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/db/client";
import { jobs } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { defineJob, makeRegistry, retryDelayMs } from "./define";
import { enqueue } from "./enqueue";
import { runDueJobs } from "./worker";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

const runs: { key: string; attempt: number; jobId: string }[] = [];
const failUntil = new Map<string, number>();

const record = defineJob({
  name: "test.record",
  payload: z.object({ key: z.string().min(1) }),
  maxAttempts: 3,
  backoff: { baseMs: 1_000, capMs: 4_000 },
  run: async (_db, { key }, ctx) => {
    runs.push({ key, attempt: ctx.attempt, jobId: ctx.jobId });
    if ((failUntil.get(key) ?? 0) >= ctx.attempt) throw new Error(`refused by person@example.test 1234567`);
  },
});
const registry = makeRegistry([record as never]);

const row = async (id: string) => (await t.db.select().from(jobs).where(eq(jobs.id, id)))[0]!;
/** Makes a retry due now instead of after its backoff. */
const dueNow = (id: string) =>
  t.db
    .update(jobs)
    .set({ runAt: sql`now()` })
    .where(eq(jobs.id, id));
const drain = async () => {
  let total = 0;
  for (let n = 1; n > 0; total += n) n = await runDueJobs(t.db, { registry });
  return total;
};

describe("enqueue", () => {
  it("inside the cause's transaction: a rolled-back cause leaves no job", async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await enqueue(tx, record, { key: "rolled-back" });
        throw new Error("cause failed");
      }),
    ).rejects.toThrow("cause failed");
    expect(
      await t.db
        .select()
        .from(jobs)
        .where(sql`payload->>'key' = 'rolled-back'`),
    ).toEqual([]);
  });

  it("checks the payload against the job's schema", async () => {
    await expect(enqueue(t.db, record, { key: "" })).rejects.toThrow();
  });

  it("with a dedupe key returns the unfinished job's id, and adds a new one once it finished", async () => {
    const a = await enqueue(t.db, record, { key: "dedupe" }, { dedupeKey: "k1" });
    const b = await enqueue(t.db, record, { key: "dedupe" }, { dedupeKey: "k1" });
    expect(b).toBe(a);
    const parallel = await Promise.all(
      Array.from({ length: 6 }, () => enqueue(t.db, record, { key: "dedupe" }, { dedupeKey: "k1" })),
    );
    expect(new Set(parallel)).toEqual(new Set([a]));
    await drain();
    expect(runs.filter((r) => r.key === "dedupe")).toHaveLength(1);
    const c = await enqueue(t.db, record, { key: "dedupe" }, { dedupeKey: "k1" });
    expect(c).not.toBe(a);
  });
});

describe("worker", () => {
  it("runs a job once and marks it done", async () => {
    const id = await enqueue(t.db, record, { key: "once" });
    await drain();
    expect(runs.filter((r) => r.key === "once")).toEqual([{ key: "once", attempt: 1, jobId: id }]);
    expect(await row(id)).toMatchObject({
      status: "done",
      attempts: 1,
      lockedUntil: null,
      finishedAt: expect.any(Date),
    });
  });

  it("does not run a job before its runAt", async () => {
    const id = await enqueue(t.db, record, { key: "later" }, { runAt: new Date(Date.now() + 3_600_000) });
    await drain();
    expect(await row(id)).toMatchObject({ status: "queued", attempts: 0 });
  });

  it("retries a failing job with growing backoff, then keeps it dead with a sanitised error", async () => {
    failUntil.set("fails", 99);
    const id = await enqueue(t.db, record, { key: "fails" });
    const dbNow = async () => rowsOf<{ now: Date }>(await t.db.execute(sql`select now() as now`))[0]!.now;
    // The retry's wait is set inside the attempt, between these two clock readings, so the bounds
    // hold however slowly a busy machine runs the attempt. One pass per attempt: a loop that
    // drained until empty would run the retry too once a slow machine let its wait pass.
    const waits: { atLeast: number; atMost: number }[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const before = new Date(await dbNow()).getTime();
      expect(await runDueJobs(t.db, { registry })).toBeGreaterThanOrEqual(1);
      const after = new Date(await dbNow()).getTime();
      const r = await row(id);
      expect(r.attempts).toBe(attempt);
      expect(r.lastError).toBe("Error: refused by <address> <number>");
      if (attempt < 3) {
        expect(r.status).toBe("queued");
        waits.push({ atLeast: r.runAt.getTime() - after, atMost: r.runAt.getTime() - before });
        await dueNow(id);
      } else {
        expect(r).toMatchObject({ status: "dead", finishedAt: expect.any(Date) });
      }
    }
    // Attempt 1 waits 0.5–1 s, attempt 2 waits 1–2 s (equal jitter around base 1 s, doubling).
    expect(waits[0]!.atMost).toBeGreaterThanOrEqual(499);
    expect(waits[0]!.atLeast).toBeLessThanOrEqual(1_001);
    expect(waits[1]!.atMost).toBeGreaterThanOrEqual(999);
    expect(waits[1]!.atLeast).toBeLessThanOrEqual(2_001);
    expect(runs.filter((r) => r.key === "fails").map((r) => r.attempt)).toEqual([1, 2, 3]);
  });

  it("re-runs a job whose worker lost its lease (the attempt counts)", async () => {
    const id = await enqueue(t.db, record, { key: "lease" });
    // What a worker that died mid-run leaves: running, attempt counted, lease expired.
    await t.db
      .update(jobs)
      .set({ status: "running", attempts: 1, lockedBy: "dead-worker", lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    await drain();
    expect(runs.filter((r) => r.key === "lease").map((r) => r.attempt)).toEqual([2]);
    expect(await row(id)).toMatchObject({ status: "done", attempts: 2 });
  });

  it("marks a job dead when its last lease expired", async () => {
    const id = await enqueue(t.db, record, { key: "lease-last" });
    await t.db
      .update(jobs)
      .set({ status: "running", attempts: 3, lockedBy: "dead-worker", lockedUntil: sql`now() - interval '1 second'` })
      .where(eq(jobs.id, id));
    await drain();
    expect(runs.filter((r) => r.key === "lease-last")).toEqual([]);
    expect(await row(id)).toMatchObject({ status: "dead", lastError: expect.stringContaining("LeaseExpired") });
  });

  it("leaves a job of a name it does not know to a worker that knows it", async () => {
    const [inserted] = await t.db
      .insert(jobs)
      .values({ name: "test.other-version", payload: {}, maxAttempts: 5 })
      .returning({ id: jobs.id });
    await drain();
    expect(await row(inserted!.id)).toMatchObject({ status: "queued", attempts: 0 });
    await t.db.delete(jobs).where(eq(jobs.id, inserted!.id));
  });

  it("N workers claiming at once run every job exactly once", async () => {
    const keys = Array.from({ length: 60 }, (_, i) => `many-${i}`);
    for (const key of keys) await enqueue(t.db, record, { key });
    const workers = Array.from({ length: 6 }, (_, w) =>
      (async () => {
        for (let n = 1; n > 0;) n = await runDueJobs(t.db, { registry, workerId: `w${w}`, concurrency: 4 });
      })(),
    );
    await Promise.all(workers);
    const ran = runs.filter((r) => r.key.startsWith("many-")).map((r) => r.key);
    expect(ran.sort()).toEqual([...keys].sort());
  });
});

describe("retryDelayMs", () => {
  it("doubles from the base, stays within the cap, and jitters in the upper half", () => {
    const b = { baseMs: 1_000, capMs: 5_000 };
    expect(retryDelayMs(b, 1, () => 0)).toBe(500);
    expect(retryDelayMs(b, 1, () => 1)).toBe(1_000);
    expect(retryDelayMs(b, 3, () => 1)).toBe(4_000);
    expect(retryDelayMs(b, 10, () => 1)).toBe(5_000);
    expect(retryDelayMs(b, 10, () => 0)).toBe(2_500);
  });
});
