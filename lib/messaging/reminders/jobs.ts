import "server-only";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { defineSchedule } from "@/lib/jobs/schedules";
import { scanDueReminders } from "./reminders";

export { sendReminderJob } from "./reminders";

/** Finds appointments that are due a reminder and enqueues one reminders.send job each. */
export const scanRemindersJob = defineJob({
  name: "reminders.scan",
  payload: z.object({}),
  // A failed scan is simply repeated by the next tick a minute later.
  maxAttempts: 1,
  run: async (db) => `${await scanDueReminders(db, new Date())} reminder jobs added`,
});

/** Every minute, platform-wide: the lead time (hours before) is each clinic's own setting. */
export const reminderScanSchedule = defineSchedule({
  key: "reminders.scan",
  cron: "* * * * *",
  job: scanRemindersJob,
  payload: () => ({}),
});
