import "server-only";
import { and, eq, type SQL } from "drizzle-orm";
import type { SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, rooms, users } from "@/db/schema";
import { clinicRow } from "@/lib/clinic-row";
import { selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { requireClientId } from "@/lib/identity/actor";
import { cancellationDeadline } from "@/lib/scheduling/rules/cancellation";
import type { PortalAppointmentDto } from "./schemas";

/**
 * The clinic's booking policy as the portal needs it, with this client's "do not book online" flag, from the
 * clinic's row (one statement, memoised per server render: the portal home's appointment card asks twice, for
 * its appointments and its booking options, and the programme card reads the same row).
 */
export async function portalPolicy(db: Db, actor: Actor) {
  const clientId = requireClientId(actor);
  const row = await clinicRow(db, actor);
  return {
    onlineBooking: row!.onlineBooking,
    cancellationNoticeHours: row!.cancellationNoticeHours,
    name: row!.name,
    clientId,
    flagged: Boolean(row!.clientFlagged),
  };
}

/**
 * The signed-in client's own appointments, with names for display. The scope (clinic and
 * this client) is fixed here, so no caller can widen it; the columns are explicit, so no
 * staff-only field (cancel reason, notes, creator) can reach the portal.
 */
export function selectMyAppointments(db: Db, actor: Actor, where?: SQL) {
  return selectMyAppointmentsWith(db, actor, {}, where);
}

/** The same with a few more columns of the caller's own (e.g. which half of a union a row is from). */
export function selectMyAppointmentsWith<E extends SelectedFields>(db: Db, actor: Actor, extra: E, where?: SQL) {
  const clientId = requireClientId(actor);
  return selectAppointmentView(db, {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    version: appointments.version,
    updatedAt: appointments.updatedAt,
    typeName: appointmentTypes.name,
    typeBookableOnline: appointmentTypes.bookableOnline,
    therapistName: users.name,
    roomName: rooms.name,
    ...extra,
  }).where(and(clinicScope(actor, appointments), eq(appointments.clientId, clientId), where));
}

export type MyAppointmentRow = Awaited<ReturnType<typeof selectMyAppointments>>[number];

export function toPortalDto(row: MyAppointmentRow, noticeHours: number, now: Date): PortalAppointmentDto {
  const deadline = row.status === "booked" ? cancellationDeadline(row.startsAt, noticeHours) : null;
  return {
    id: row.id,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    status: row.status,
    typeName: row.typeName,
    therapistName: row.therapistName,
    roomName: row.roomName ?? null,
    cancelDeadline: deadline?.toISOString() ?? null,
    cancellable: deadline !== null && now.getTime() <= deadline.getTime(),
    typeBookableOnline: row.typeBookableOnline,
    version: row.version,
  };
}
