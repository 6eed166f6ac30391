import "server-only";
import { and, eq } from "drizzle-orm";
import type { PgSelectBase, SelectedFields } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients, rooms, users } from "@/db/schema";

/** The names an appointment is known by: who sees the client, which type, in which room (null: none). */
export const appointmentNames = {
  therapistName: users.name,
  typeName: appointmentTypes.name,
  roomName: rooms.name,
};

/** Which joined tables may read null: only the room (an appointment need not have one). */
type ViewNullability = {
  appointments: "not-null";
  clients: "not-null";
  users: "not-null";
  appointment_types: "not-null";
  rooms: "nullable";
};

/** The query as drizzle would type it for a concrete selection (it cannot follow joins on a generic one). */
export type AppointmentViewQuery<T extends SelectedFields> = PgSelectBase<
  "appointments",
  T,
  "partial",
  ViewNullability
>;

/**
 * The one appointment view: an appointment with its client, therapist (`users`), type and room, each
 * joined within the appointment's clinic (the composite keys' own columns). Client, therapist and type are
 * required by the schema, so those inner joins keep every appointment; the room is optional, so its columns
 * read null when there is none. Callers pick the columns they show (`appointmentNames` has the usual ones)
 * from these five tables and add their own scope, order, limit or lock; a caller that needs more (the
 * clinic) joins it onto the returned query.
 */
export function selectAppointmentView<T extends SelectedFields>(db: Db, fields: T): AppointmentViewQuery<T> {
  const query = db
    .select(fields as SelectedFields)
    .from(appointments)
    .innerJoin(clients, and(eq(clients.clinicId, appointments.clinicId), eq(clients.id, appointments.clientId)))
    .innerJoin(users, eq(users.id, appointments.therapistUserId))
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, appointments.clinicId), eq(appointmentTypes.id, appointments.typeId)),
    )
    .leftJoin(rooms, and(eq(rooms.clinicId, appointments.clinicId), eq(rooms.id, appointments.roomId)));
  return query as unknown as AppointmentViewQuery<T>;
}
