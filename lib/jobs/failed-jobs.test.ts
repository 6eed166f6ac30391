import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditEvents, jobs } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { actorFor, freshDb, type TestDb } from "@/lib/testing/db";
import { discardFailedJob } from "./failed-jobs/discard-failed-job";
import { listFailedJobs } from "./failed-jobs/list-failed-jobs";
import { retryFailedJob } from "./failed-jobs/retry-failed-job";

let t: TestDb;
let admin: Actor;
let therapist: Actor;
let otherAdmin: Actor;
beforeAll(async () => {
  t = await freshDb();
  admin = await actorFor(t.db, "admin@demo.test");
  therapist = await actorFor(t.db, "therapist@demo.test");
  otherAdmin = await actorFor(t.db, "admin@other.test", "other-clinic");
});
afterAll(() => t?.close());

async function job(values: Partial<typeof jobs.$inferInsert>): Promise<string> {
  const [row] = await t.db
    .insert(jobs)
    .values({
      clinicId: admin.clinicId,
      name: "email.send",
      payload: { outboxId: "9b2f8f0e-1111-4111-8111-111111111111", note: "Casey's neck pain" },
      status: "dead",
      attempts: 5,
      maxAttempts: 5,
      lastError: "Error: connection refused",
      finishedAt: new Date(),
      ...values,
    })
    .returning({ id: jobs.id });
  return row!.id;
}

describe("failed jobs for admins", () => {
  it("lists the clinic's dead and retrying jobs, never payloads, platform or other clinics' jobs", async () => {
    const dead = await job({});
    const retrying = await job({
      status: "queued",
      attempts: 2,
      finishedAt: null,
      runAt: new Date(Date.now() + 60_000),
    });
    await job({ status: "done", lastError: null });
    await job({ status: "queued", attempts: 0, lastError: null, finishedAt: null });
    const platform = await job({ clinicId: null });
    const other = await job({ clinicId: otherAdmin.clinicId });

    const { jobs: list, truncated } = await listFailedJobs(t.db, admin);
    expect(truncated).toBe(false);
    expect(list.map((j) => [j.id, j.status]).sort()).toEqual(
      [
        [dead, "dead"],
        [retrying, "retrying"],
      ].sort(),
    );
    expect(JSON.stringify(list)).not.toContain("neck pain");
    expect(JSON.stringify(list)).not.toContain("outboxId");
    expect(list.find((j) => j.id === dead)).toMatchObject({
      name: "email.send",
      attempts: 5,
      maxAttempts: 5,
      lastError: "Error: connection refused",
      nextAttemptAt: null,
      diedAt: expect.any(String),
    });
    const otherList = await listFailedJobs(t.db, otherAdmin);
    expect(otherList.jobs.map((j) => j.id)).toEqual([other]);
    expect(otherList.jobs.map((j) => j.id)).not.toContain(platform);
  });

  it("refuses a therapist (403) and answers 404 for another clinic's, a platform or a healthy job", async () => {
    const dead = await job({});
    await expect(listFailedJobs(t.db, therapist)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryFailedJob(t.db, therapist, dead)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(discardFailedJob(t.db, therapist, dead)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(retryFailedJob(t.db, otherAdmin, dead)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(discardFailedJob(t.db, otherAdmin, dead)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const platform = await job({ clinicId: null });
    await expect(retryFailedJob(t.db, admin, platform)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const done = await job({ status: "done" });
    await expect(discardFailedJob(t.db, admin, done)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const waiting = await job({ status: "queued", attempts: 0, lastError: null, finishedAt: null });
    await expect(discardFailedJob(t.db, admin, waiting)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const running = await job({ status: "running", finishedAt: null });
    await expect(retryFailedJob(t.db, admin, running)).rejects.toMatchObject({ code: "CONFLICT" });
    // Nothing changed.
    const [still] = await t.db.select().from(jobs).where(eq(jobs.id, dead));
    expect(still).toMatchObject({ status: "dead", attempts: 5 });
  });

  it("retries with a fresh set of attempts, and says so in the audit trail", async () => {
    const dead = await job({});
    const retried = await retryFailedJob(t.db, admin, dead);
    expect(retried).toMatchObject({ id: dead, status: "retrying", attempts: 0, diedAt: null });
    const [row] = await t.db.select().from(jobs).where(eq(jobs.id, dead));
    expect(row).toMatchObject({ status: "queued", attempts: 0, finishedAt: null });
    const events = await t.db
      .select({ action: auditEvents.action, details: auditEvents.details })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, dead), eq(auditEvents.action, "job.retried")));
    expect(events).toEqual([{ action: "job.retried", details: { name: "email.send" } }]);
  });

  it("refuses to retry a job whose work a newer job already holds (409)", async () => {
    const old = await job({ dedupeKey: "same-work" });
    await job({ status: "queued", attempts: 0, lastError: null, finishedAt: null, dedupeKey: "same-work" });
    await expect(retryFailedJob(t.db, admin, old)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("discards a job: the row goes, the audit trail keeps who and which kind", async () => {
    const dead = await job({});
    await discardFailedJob(t.db, admin, dead);
    expect(await t.db.select().from(jobs).where(eq(jobs.id, dead))).toEqual([]);
    await expect(discardFailedJob(t.db, admin, dead)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const events = await t.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, dead), eq(auditEvents.action, "job.discarded")));
    expect(events).toHaveLength(1);
  });
});
