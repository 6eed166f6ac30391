import "server-only";
import { and, asc, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients, rooms, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import type { AppointmentView } from "./calendar-schemas";
import { selectAppointmentView } from "./view-query";

/** Appointments joined with what the calendar shows, scoped to the actor's clinic. */
export async function selectAppointmentViews(db: Db, actor: Actor, where: SQL | undefined): Promise<AppointmentView[]> {
  const rows = await selectAppointmentView(db, {
    a: appointments,
    firstName: clients.firstName,
    lastName: clients.lastName,
    preferredName: clients.preferredName,
    therapistName: users.name,
    roomName: rooms.name,
    typeName: appointmentTypes.name,
    typeColour: appointmentTypes.colour,
    bufferAfterMin: appointmentTypes.bufferAfterMin,
  })
    .where(and(clinicScope(actor, appointments), where))
    .orderBy(asc(appointments.startsAt), asc(users.name));
  return rows.map(({ a, ...r }) => ({
    id: a.id,
    clientId: a.clientId,
    clientName: `${r.preferredName ?? r.firstName} ${r.lastName}`,
    therapistUserId: a.therapistUserId,
    therapistName: r.therapistName,
    roomId: a.roomId,
    roomName: r.roomName,
    typeId: a.typeId,
    typeName: r.typeName,
    typeColour: r.typeColour,
    bufferAfterMin: r.bufferAfterMin,
    startsAt: a.startsAt.toISOString(),
    endsAt: a.endsAt.toISOString(),
    status: a.status,
    version: a.version,
    visitId: a.visitId,
    cancelReason: a.cancelReason,
    cancelledAt: a.cancelledAt?.toISOString() ?? null,
    lateCancellation: a.lateCancellation,
    bookedVia: a.bookedVia,
    seriesId: a.seriesId,
  }));
}
