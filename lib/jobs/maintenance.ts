import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf } from "@/db/client";
import { defineJob } from "./define";
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
    let deleted = 0;
    for (let i = 0; i < 100; i++) {
      const result = await db.execute(sql`
        delete from jobs where id in (
          select id from jobs
          where (status = 'done' and finished_at < now() - make_interval(days => ${KEEP_DONE_DAYS}))
             or (status = 'dead' and finished_at < now() - make_interval(days => ${KEEP_DEAD_DAYS}))
          limit 5000)
        returning id`);
      const n = rowsOf(result).length;
      deleted += n;
      if (n < 5000) break;
    }
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
