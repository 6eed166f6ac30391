import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { defineSchedule } from "@/lib/jobs/schedules";
import { pruneSecurityRecords } from "./prune";

/** Deletes finished rate-limit windows, long-ended sessions and old sign-in attempts. */
export const pruneSecurityRecordsJob = defineJob({
  name: "auth.prune-security-records",
  payload: z.object({}),
  maxAttempts: 3,
  run: async (db) => {
    await pruneSecurityRecords(db, new Date());
  },
});

/**
 * Nightly at 03:00 UTC. These records belong to logins, which span clinics, so there is no
 * clinic time zone to follow; expired rate-limit windows are ignored by the limiter until then.
 */
export const pruneSecurityRecordsSchedule = defineSchedule({
  key: "auth.prune-security-records",
  cron: "0 3 * * *",
  timeZone: "UTC",
  job: pruneSecurityRecordsJob,
  payload: () => ({}),
});
