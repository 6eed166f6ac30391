import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { jobs } from "@/db/schema";
import { freshDb, type TestDb } from "@/lib/testing/db";
import { defineJob, makeRegistry } from "./define";
import { enqueue } from "./enqueue";
import { startWorkerLoop } from "./worker-loop";

let t: TestDb;
beforeAll(async () => {
  t = await freshDb();
});
afterAll(() => t?.close());

/** Resolves when `check` holds, polling; generous, since the machine may be busy. */
async function until(check: () => Promise<boolean> | boolean, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("condition not reached in time");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("worker loop", () => {
  it("runs work as it arrives, and on stop finishes the job in hand before it returns", async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started = false;
    const slow = defineJob({
      name: "test.slow",
      payload: z.object({}),
      run: async () => {
        started = true;
        await gate;
        return "finished";
      },
    });
    const worker = startWorkerLoop(t.db, { registry: makeRegistry([slow]), pollMs: 50 });
    const id = await enqueue(t.db, slow, {});
    worker.wake();
    await until(() => started);
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    // Still running: stop waits for it.
    await new Promise((r) => setImmediate(r));
    expect(stopped).toBe(false);
    release();
    await stopping;
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: "done", outcome: "finished" });
  });

  it("abort() signals the job in hand; it is retried later", async () => {
    const aborting = defineJob({
      name: "test.aborting",
      payload: z.object({}),
      run: (_db, _p, ctx) =>
        new Promise((_, reject) => ctx.signal.addEventListener("abort", () => reject(new Error("aborted")))),
    });
    let seen = false;
    const worker = startWorkerLoop(t.db, {
      registry: makeRegistry([{ ...aborting, run: (db, p, ctx) => ((seen = true), aborting.run(db, p, ctx)) }]),
      pollMs: 50,
    });
    const id = await enqueue(t.db, aborting, {});
    worker.wake();
    await until(() => seen);
    await worker.abort();
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, id));
    expect(row).toMatchObject({ status: "queued", attempts: 1, lastError: "Error: aborted" });
  });
});
