import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { deleteInBatches } from "@/lib/jobs/delete-in-batches";
import { defineSchedule } from "@/lib/jobs/schedules";

/**
 * Deletes short links whose appointment has started (short-link.ts): an expired link already answers
 * 404, the same as an unknown one, so its row only grows the table (one per text message sent).
 * Bounded batches over message_links_expires_idx, run by the worker's platform handle (all clinics).
 */
export const pruneExpiredLinksJob = defineJob({
  name: "messaging.prune-expired-links",
  payload: z.object({}),
  maxAttempts: 3,
  run: async (db) => {
    const deleted = await deleteInBatches(
      db,
      (limit) => sql`
        delete from message_links where (clinic_id, token_hash) in (
          select clinic_id, token_hash from message_links where expires_at < now() limit ${limit})
        returning token_hash`,
    );
    return `${deleted} expired short links deleted`;
  },
});

export const pruneExpiredLinksSchedule = defineSchedule({
  key: "messaging.prune-expired-links",
  cron: "45 3 * * *",
  timeZone: "UTC",
  job: pruneExpiredLinksJob,
  payload: () => ({}),
});
