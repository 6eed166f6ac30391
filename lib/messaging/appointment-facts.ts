import "server-only";
import { and, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, clients, clinics, emailOutbox } from "@/db/schema";
import { appointmentNames, selectAppointmentView } from "@/lib/scheduling/appointments/view-query";

/**
 * Everything an appointment message says, read in the sender's transaction with the appointment
 * locked: a cancellation or move running at the same moment waits, or has already won.
 */
export async function lockAppointmentFacts(tx: Db, clinicId: string, appointmentId: string) {
  const [row] = await selectAppointmentView(tx, {
    clinicId: appointments.clinicId,
    id: appointments.id,
    status: appointments.status,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    version: appointments.version,
    updatedAt: appointments.updatedAt,
    therapistUserId: appointments.therapistUserId,
    roomId: appointments.roomId,
    clinicName: clinics.name,
    timeZone: clinics.timezone,
    locale: clinics.locale,
    noticeHours: clinics.cancellationNoticeHours,
    clientId: clients.id,
    email: clients.email,
    phone: clients.phone,
    messageChannel: clients.messageChannel,
    smsConsent: clients.smsConsent,
    quietStart: clinics.smsQuietStartMinute,
    quietEnd: clinics.smsQuietEndMinute,
    archivedAt: clients.archivedAt,
    firstName: clients.firstName,
    preferredName: clients.preferredName,
    ...appointmentNames,
  })
    .innerJoin(clinics, eq(clinics.id, appointments.clinicId))
    .where(and(eq(appointments.clinicId, clinicId), eq(appointments.id, appointmentId)))
    .for("update", { of: appointments });
  return row ?? null;
}

export type AppointmentFacts = NonNullable<Awaited<ReturnType<typeof lockAppointmentFacts>>>;

/** What a message records as told: the placement a later change is compared with. */
export function placementOf(a: AppointmentFacts): Record<string, string | null> {
  return {
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    therapistUserId: a.therapistUserId,
    therapistName: a.therapistName,
    roomId: a.roomId,
    roomName: a.roomName,
  };
}

const SAME_KEYS = ["startsAt", "endsAt", "therapistUserId", "roomId"] as const;
export const samePlacement = (a: Record<string, string | null>, b: Record<string, string | null>) =>
  SAME_KEYS.every((k) => (a[k] ?? null) === (b[k] ?? null));

/** The placement the client was last told about (by a confirmation, change or reminder), if any. */
export async function lastToldPlacement(tx: Db, clinicId: string, appointmentId: string) {
  const [row] = await tx
    .select({ about: emailOutbox.about })
    .from(emailOutbox)
    .where(
      and(
        eq(emailOutbox.clinicId, clinicId),
        eq(emailOutbox.appointmentId, appointmentId),
        isNotNull(emailOutbox.about),
        inArray(emailOutbox.status, ["pending", "sent"]),
      ),
    )
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return row?.about ?? null;
}
