import "server-only";
import { and, eq, gt, isNotNull, isNull, lte, ne, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentReminders, appointments, appointmentTypes, clients, clinics, rooms, users } from "@/db/schema";
import { appUrl } from "@/lib/app-url";
import { enqueueEmail, REMINDER_KIND } from "@/lib/email/outbox";
import { reminderEmail } from "./reminder-email";

/** The longest lead time a clinic can set (lib/clinic-setup/schemas.ts): bounds the scan. */
const MAX_LEAD_HOURS = 168;

export interface QueueRemindersOptions {
  /** The app's public origin for the portal link; defaults to NEXTAUTH_URL. */
  baseUrl?: string;
  /** Appointments handled per call; the next run takes the rest. */
  batch?: number;
}

/**
 * Queues the reminder email of every booked appointment that starts within its clinic's lead
 * time, (now, now + reminderHoursBefore], and has none yet. Exactly once per appointment, ever:
 * the appointment_reminders row (keyed by the appointment) and the outbox email are written in
 * one transaction, and only the transaction whose insert went in sends — a second worker, a
 * retry after a crash or a restart finds the row and does nothing. Clients without an email
 * get none. Returns how many were queued.
 */
export async function queueDueReminders(db: Db, now: Date, options: QueueRemindersOptions = {}): Promise<number> {
  const portalUrl = `${(options.baseUrl ?? appUrl()).replace(/\/$/, "")}/portal`;
  const due = await db
    .select({ clinicId: appointments.clinicId, id: appointments.id })
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
    .where(and(isDue(now), isNull(appointmentReminders.appointmentId)))
    .orderBy(appointments.startsAt)
    .limit(options.batch ?? 200);

  let queued = 0;
  for (const candidate of due) {
    const sent = await db.transaction(async (tx) => {
      // Holds the appointment while the reminder is queued: a cancellation or a move waits, or
      // wins first. Everything the email says is read here, under the lock, and the appointment
      // must still be due: the list above may be stale by now.
      const [a] = await tx
        .select({
          clinicId: appointments.clinicId,
          id: appointments.id,
          startsAt: appointments.startsAt,
          endsAt: appointments.endsAt,
          clinicName: clinics.name,
          timeZone: clinics.timezone,
          locale: clinics.locale,
          noticeHours: clinics.cancellationNoticeHours,
          email: clients.email,
          firstName: clients.firstName,
          preferredName: clients.preferredName,
          clientUserId: clients.userId,
          therapistName: users.name,
          typeName: appointmentTypes.name,
          roomName: rooms.name,
        })
        .from(appointments)
        .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
        .innerJoin(clients, and(eq(clients.clinicId, appointments.clinicId), eq(clients.id, appointments.clientId)))
        .innerJoin(users, eq(users.id, appointments.therapistUserId))
        .innerJoin(
          appointmentTypes,
          and(eq(appointmentTypes.clinicId, appointments.clinicId), eq(appointmentTypes.id, appointments.typeId)),
        )
        .leftJoin(rooms, and(eq(rooms.clinicId, appointments.clinicId), eq(rooms.id, appointments.roomId)))
        .where(and(eq(appointments.clinicId, candidate.clinicId), eq(appointments.id, candidate.id), isDue(now)))
        .for("update", { of: appointments });
      if (!a) return false;
      const inserted = await tx
        .insert(appointmentReminders)
        .values({ clinicId: a.clinicId, appointmentId: a.id })
        .onConflictDoNothing()
        .returning({ appointmentId: appointmentReminders.appointmentId });
      if (inserted.length === 0) return false;
      const mail = reminderEmail({
        clinicName: a.clinicName,
        timeZone: a.timeZone,
        locale: a.locale,
        clientName: a.preferredName ?? a.firstName,
        startsAt: a.startsAt,
        endsAt: a.endsAt,
        therapistName: a.therapistName,
        typeName: a.typeName,
        roomName: a.roomName,
        cancellationNoticeHours: a.noticeHours,
        hasPortal: a.clientUserId !== null,
        portalUrl,
      });
      const outboxId = await enqueueEmail(tx, {
        clinicId: a.clinicId,
        to: a.email!.trim(),
        subject: mail.subject,
        text: mail.text,
        kind: REMINDER_KIND,
      });
      await tx
        .update(appointmentReminders)
        .set({ outboxId })
        .where(and(eq(appointmentReminders.clinicId, a.clinicId), eq(appointmentReminders.appointmentId, a.id)));
      return true;
    });
    if (sent) queued++;
  }
  return queued;
}

/**
 * A booked appointment inside its clinic's lead time, (now, now + reminderHoursBefore], of a
 * current client with an email. Needs clinics and clients joined.
 */
function isDue(now: Date) {
  return and(
    eq(appointments.status, "booked"),
    gt(appointments.startsAt, now),
    lte(appointments.startsAt, new Date(now.getTime() + MAX_LEAD_HOURS * 3_600_000)),
    gt(clinics.reminderHoursBefore, 0),
    sql`${appointments.startsAt} <= ${now.toISOString()}::timestamptz + make_interval(hours => ${clinics.reminderHoursBefore})`,
    isNotNull(clients.email),
    ne(sql`trim(${clients.email})`, ""),
    isNull(clients.archivedAt),
  );
}
