import { z } from "zod";

export const jobIdParams = z.object({ jobId: z.uuid() });

/**
 * A job that failed, for the clinic's admins: what it is and what went wrong, never its payload
 * (which may name clients). "retrying": it failed and waits for its next attempt; "dead": it
 * used all its attempts and waits for an admin.
 */
export const failedJobDto = z
  .object({
    id: z.uuid(),
    name: z.string(),
    status: z.enum(["retrying", "dead"]),
    attempts: z.number().int(),
    maxAttempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Retrying: when the next attempt is due. */
    nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
    /** Dead: when it gave up. */
    diedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: "FailedJob" });
export type FailedJob = z.infer<typeof failedJobDto>;

export const failedJobsDto = z.object({ jobs: z.array(failedJobDto), truncated: z.boolean() });
export type FailedJobs = z.infer<typeof failedJobsDto>;
