import "server-only";
import { makeRegistry, type AnyJob, type JobRegistry } from "./define";
import type { AnySchedule } from "./schedules";
import { pruneSecurityRecordsJob, pruneSecurityRecordsSchedule } from "@/lib/identity/jobs";
import { sendEmailJob } from "@/lib/delivery/email/send-job";
import { reminderScanSchedule, scanRemindersJob, sendReminderJob } from "@/lib/messaging/reminders/jobs";
import { pruneJobsJob, pruneJobsSchedule } from "./maintenance";
import { renderFormPdfJob } from "@/lib/forms/pdf-job";
import { sendAppointmentMessageJob } from "@/lib/messaging/appointment-messages";
import { emailDocumentJob } from "@/lib/billing/email-document";
import { sendSmsJob } from "@/lib/delivery/sms/send-job";
import { sendSeriesMessageJob } from "@/lib/messaging/series-messages";
import { pdfThumbnailJob } from "@/lib/documents/pdf-thumbnail";
import { pruneExpiredLinksJob, pruneExpiredLinksSchedule } from "@/lib/messaging/short-link-prune";

/**
 * The composition root of the job queue: the one module that names every area's jobs. Areas import only the
 * queue (lib/jobs/define, enqueue, schedules); this registry imports them, and only the processes that run
 * jobs import it (instrumentation.ts for the in-process worker, scripts/worker.ts), so no area depends on
 * another through it (lib/testing/area-cycles.test.ts).
 *
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
  pruneExpiredLinksJob,
];

/** The recurring schedules every worker ticks (lib/jobs/schedules.ts). */
export const jobSchedules: readonly AnySchedule[] = [
  reminderScanSchedule,
  pruneSecurityRecordsSchedule,
  pruneJobsSchedule,
  pruneExpiredLinksSchedule,
];

export const jobRegistry: JobRegistry = makeRegistry(all);
