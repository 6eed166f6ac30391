import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { defineJob } from "./define";
import { deleteInBatches } from "./delete-in-batches";
import { defineSchedule } from "./schedules";

/** Finished jobs are kept this long (to look into what ran), dead ones longer (admins' list). */
const KEEP_DONE_DAYS = 14;
const KEEP_DEAD_DAYS = 90;

/** Deletes old finished jobs in bounded batches, so the table stays the size of its recent work. */
export const pruneJobsJob = defineJob({
  name: "jobs.prune-finished",
  payload: z.object({}),
  maxAttempts: 3,
  run: async (db) => {
    const deleted = await deleteInBatches(
      db,
      (limit) => sql`
        delete from jobs where id in (
          select id from jobs
          where (status = 'done' and finished_at < now() - make_interval(days => ${KEEP_DONE_DAYS}))
             or (status = 'dead' and finished_at < now() - make_interval(days => ${KEEP_DEAD_DAYS}))
          limit ${limit})
        returning id`,
    );
    return `${deleted} finished jobs deleted`;
  },
});

export const pruneJobsSchedule = defineSchedule({
  key: "jobs.prune-finished",
  cron: "30 3 * * *",
  timeZone: "UTC",
  job: pruneJobsJob,
  payload: () => ({}),
});
