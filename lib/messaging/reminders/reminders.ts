import "server-only";
import { and, eq, gt, isNull, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentReminders, appointments, clients, clinics } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { REMINDER_KIND } from "./still-as-told";
import { deliverToClient } from "@/lib/delivery/deliver-to-client";
import { reminderSms } from "@/lib/messaging/rules/reminder-sms";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/enqueue";
import { lockAppointmentFacts, placementOf } from "@/lib/messaging/appointment-facts";
import { manageUrl } from "@/lib/messaging/manage-link";
import { createShortManageUrl } from "@/lib/messaging/short-link";
import { renderFactsEmail } from "@/lib/messaging/render-appointment-email";

/** The longest lead time a clinic can set (lib/scheduling/setup/schemas.ts): bounds the scan. */
const MAX_LEAD_HOURS = 168;

/** Appointments handled per scan; the next tick (a minute later) takes the rest. */
const SCAN_BATCH = 500;

/**
 * The reminder scan (job reminders.scan, every minute): enqueues one reminders.send job per
 * booked appointment that is inside its clinic's lead time, (now, now + reminderHoursBefore],
 * has no reminder yet and no reminder job queued or running. The job's dedupe key is the
 * appointment, so scans by several workers, or a scan that overlaps the previous one, add no
 * second job. Returns how many jobs it added.
 */
export async function scanDueReminders(db: Db, now: Date): Promise<number> {
  const due = await db
    .select({ clinicId: appointments.clinicId, id: appointments.id, startsAt: appointments.startsAt })
    .from(appointments)
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .innerJoin(clients, and(eq(clients.clinicId, appointments.clinicId), eq(clients.id, appointments.clientId)))
    .leftJoin(
      appointmentReminders,
      and(
        eq(appointmentReminders.clinicId, appointments.clinicId),
        eq(appointmentReminders.appointmentId, appointments.id),
      ),
    )
    .where(
      and(
        isDue(now),
        isNull(appointmentReminders.appointmentId),
        sql`not exists (select 1 from jobs j where j.name = ${sendReminderJob.name}
          and j.dedupe_key = ${appointments.id}::text and j.status in ('queued', 'running'))`,
      ),
    )
    .orderBy(appointments.startsAt)
    .limit(SCAN_BATCH);
  let added = 0;
  for (const a of due) {
    await enqueue(
      db,
      sendReminderJob,
      { clinicId: a.clinicId, appointmentId: a.id, startsAt: a.startsAt.toISOString() },
      { clinicId: a.clinicId, dedupeKey: a.id },
    );
    added++;
  }
  return added;
}

export interface ReminderTarget {
  clinicId: string;
  appointmentId: string;
  /** The start the scan saw; a different start now means the appointment was moved. */
  startsAt: string;
}

/**
 * The reminder of one appointment (job reminders.send): under a lock on the appointment,
 * re-checks it — still booked, not moved, not started, a current client with an email — then
 * writes the appointment_reminders row and the email (outbox row and its send job) in one
 * transaction. The row is keyed by the appointment, so a re-run after a lost lease, a second
 * job or a retry finds it and sends nothing: exactly one reminder per appointment, ever (a
 * move deletes the row, so the new time gets its own). Returns what it did, kept on the job.
 */
export async function sendDueReminder(
  db: Db,
  target: ReminderTarget,
  options: { baseUrl?: string; smsOn?: boolean } = {},
) {
  return db.transaction(async (tx) => {
    // Holds the appointment while the reminder is queued: a cancellation or a move waits, or
    // wins first. Everything the email says is read here, under the lock.
    const a = await lockAppointmentFacts(tx, target.clinicId, target.appointmentId);
    if (!a) return "skipped: appointment gone";
    if (a.status !== "booked") return `skipped: appointment ${a.status}`;
    if (a.startsAt.getTime() !== new Date(target.startsAt).getTime()) return "skipped: appointment moved";
    if (a.startsAt.getTime() <= Date.now()) return "skipped: appointment already started";
    if (a.archivedAt) return "skipped: client archived";
    if (a.messageChannel === "none") return "skipped: client chose no reminders";
    const inserted = await tx
      .insert(appointmentReminders)
      .values({ clinicId: a.clinicId, appointmentId: a.id })
      .onConflictDoNothing()
      .returning({ appointmentId: appointmentReminders.appointmentId });
    if (inserted.length === 0) return "skipped: already reminded";
    const claims = { clinicId: a.clinicId, appointmentId: a.id, expiresAt: a.startsAt };
    const link = manageUrl(options.baseUrl ?? appUrl(), claims);
    const mail = await renderFactsEmail(a, { event: "reminder", manageUrl: link });
    // A text gets the short link: with the signed one a reminder is two segments.
    const texts = a.messageChannel === "sms" || a.messageChannel === "both";
    const smsLink = texts ? await createShortManageUrl(tx, options.baseUrl ?? appUrl(), claims) : link;
    const sent = await deliverToClient(
      tx,
      a,
      {
        kind: REMINDER_KIND,
        label: "Reminder",
        essential: false,
        email: mail,
        sms: reminderSms(a, smsLink),
        about: placementOf(a),
      },
      { smsOn: options.smsOn },
    );
    if (!sent.outboxId) return `skipped: ${sent.summary}`;
    await tx
      .update(appointmentReminders)
      .set({ outboxId: sent.outboxId })
      .where(and(eq(appointmentReminders.clinicId, a.clinicId), eq(appointmentReminders.appointmentId, a.id)));
    return sent.summary;
  });
}

/** One appointment's reminder; the scan enqueues it with the appointment as dedupe key. */
export const sendReminderJob = defineJob({
  name: "reminders.send",
  payload: z.object({ clinicId: z.uuid(), appointmentId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) }),
  maxAttempts: 5,
  run: (db, target) => sendDueReminder(db, target),
});

/**
 * A booked appointment inside its clinic's lead time, (now, now + reminderHoursBefore], of a
 * current client who can be told (an email, or a text-message preference). Needs clinics and clients joined.
 */
function isDue(now: Date) {
  return and(
    eq(appointments.status, "booked"),
    gt(appointments.startsAt, now),
    lte(appointments.startsAt, new Date(now.getTime() + MAX_LEAD_HOURS * 3_600_000)),
    gt(clinics.reminderHoursBefore, 0),
    sql`${appointments.startsAt} <= ${now.toISOString()}::timestamptz + make_interval(hours => ${clinics.reminderHoursBefore})`,
    // Someone to tell: an email address, or a text-message preference (reminders are not sent to "none").
    sql`((${clients.email} is not null and trim(${clients.email}) <> '' and ${clients.messageChannel} <> 'none')
      or ${clients.messageChannel} in ('sms', 'both'))`,
    isNull(clients.archivedAt),
  );
}
