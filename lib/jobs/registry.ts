import "server-only";
import type { AnyJob } from "./define";
import type { AnySchedule } from "./schedules";
import { pruneSecurityRecordsJob, pruneSecurityRecordsSchedule } from "@/lib/identity/jobs";
import { sendEmailJob } from "@/lib/messaging/email/send-job";
import { reminderScanSchedule, scanRemindersJob, sendReminderJob } from "@/lib/scheduling/reminders/jobs";
import { pruneJobsJob, pruneJobsSchedule } from "./maintenance";
import { renderFormPdfJob } from "@/lib/forms/pdf-job";
import { sendAppointmentMessageJob } from "@/lib/messaging/appointment-messages";
import { emailDocumentJob } from "@/lib/billing/email-document";
import { sendSmsJob } from "@/lib/messaging/sms/send-job";
import { sendSeriesMessageJob } from "@/lib/messaging/series-messages";
import { pdfThumbnailJob } from "@/lib/documents/pdf-thumbnail";

/**
 * Every job type the app has, by name: a worker runs only jobs it finds here (an unknown name
 * is a deploy mismatch and dies with a clear error instead of being retried forever).
 * Add a job by importing its definition and listing it below.
 */
const all: AnyJob[] = [
  sendEmailJob,
  scanRemindersJob,
  sendReminderJob,
  pruneSecurityRecordsJob,
  pruneJobsJob,
  renderFormPdfJob,
  sendAppointmentMessageJob,
  emailDocumentJob,
  sendSmsJob,
  sendSeriesMessageJob,
  pdfThumbnailJob,
];

/** The recurring schedules every worker ticks (lib/jobs/schedules.ts). */
export const jobSchedules: readonly AnySchedule[] = [
  reminderScanSchedule,
  pruneSecurityRecordsSchedule,
  pruneJobsSchedule,
];

export type JobRegistry = ReadonlyMap<string, AnyJob>;

/** Builds a registry from definitions, refusing two jobs with one name. */
export function makeRegistry(defs: readonly AnyJob[]): JobRegistry {
  const map = new Map<string, AnyJob>();
  for (const def of defs) {
    if (map.has(def.name)) throw new Error(`Two jobs are named ${def.name}`);
    map.set(def.name, def);
  }
  return map;
}

export const jobRegistry: JobRegistry = makeRegistry(all);
