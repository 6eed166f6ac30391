import { randomUUID } from "node:crypto";
import { jobs } from "@/db/schema";
import type { FixtureModule } from "./authz-fixture-module";
import { clinicIdBySlug } from "./db";

/** Fixtures for the dead-letter list: one dead Demo Clinic job to retry or discard. */
export const jobsFixtures: FixtureModule = {
  buildParams: async (db) => {
    const [job] = await db
      .insert(jobs)
      .values({
        clinicId: await clinicIdBySlug(db, "demo-clinic"),
        name: "email.send",
        payload: { outboxId: randomUUID() },
        status: "dead",
        attempts: 5,
        maxAttempts: 5,
        lastError: "Error: connection refused",
        finishedAt: new Date(),
      })
      .returning({ id: jobs.id });
    return { jobId: job!.id };
  },
};
