import "server-only";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import { ACTIVE_STATUSES } from "@/lib/scheduling/rules/statuses";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { overlapping } from "@/lib/scheduling/appointments/overlap";
import {
  appointments,
  appointmentTypes,
  availabilityExceptions,
  clients,
  memberships,
  rooms,
  therapistHours,
  users,
} from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { offersType, therapistsOfferingType } from "@/lib/scheduling/setup/type-therapists";
import { expandAvailability, timeOffInterval } from "@/lib/scheduling/rules/availability";
import type { TimeInterval } from "@/lib/scheduling/rules/intervals";
import type { AvailabilityException } from "@/lib/scheduling/rules/schemas";

/** An existing active appointment, as far as conflicts need it (no clinical data). */
export interface DiaryBooking {
  id: string;
  therapistId: string;
  roomId: string | null;
  clientId: string;
  clientName: string;
  start: Date;
  end: Date;
  /** End of the buffer after it. */
  blocksUntil: Date;
}

export interface TherapistDiary {
  id: string;
  name: string;
  availability: TimeInterval[];
  timeOff: { interval: TimeInterval; note: string | null }[];
  bookings: DiaryBooking[];
}

/** Everything a series check needs, loaded once for a window and then checked in memory. */
export interface SeriesDiary {
  timeZone: string;
  /** How the clinic writes times, for the conflict reasons shown to staff. */
  locale: ClinicLocale;
  type: { id: string; name: string; durationMin: number; bufferAfterMin: number; needsRoom: boolean };
  client: { id: string; name: string };
  /** The therapists who offer the type, in name order. */
  therapists: Map<string, TherapistDiary>;
  /** Every staff name, for describing who is in the way. */
  staffNames: Map<string, string>;
  rooms: { id: string; name: string; bookings: DiaryBooking[] }[];
  clientBookings: DiaryBooking[];
}

export interface LoadDiaryOptions {
  typeId: string;
  clientId: string;
  window: { from: Date; to: Date };
}

const fullName = (c: { firstName: string; lastName: string; preferredName: string | null }) =>
  `${c.preferredName ?? c.firstName} ${c.lastName}`;

/**
 * Loads the diary of every therapist who offers the type, the rooms and the client for a
 * window. NOT_FOUND for a type or client that is missing, archived or another clinic's.
 */
export async function loadSeriesDiary(db: Db, actor: Actor, options: LoadDiaryOptions): Promise<SeriesDiary> {
  const { typeId, clientId, window } = options;
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId), isNull(appointmentTypes.archivedAt)),
    );
  if (!type) throw notFound("That appointment type");
  const [client] = await db
    .select({
      id: clients.id,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
    })
    .from(clients)
    .where(and(clinicScope(actor, clients), eq(clients.id, clientId), isNull(clients.archivedAt)));
  if (!client) throw notFound("That client");

  const staff = await db
    .selectDistinct({ id: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clinicId, actor.clinicId),
        isNull(memberships.revokedAt),
        inArray(memberships.role, ["admin", "therapist"]),
      ),
    )
    .orderBy(users.name);
  const offering = await therapistsOfferingType(db, actor, typeId);
  const therapistRows = staff.filter((s) => s.role === "therapist" && offersType(offering, s.id));
  const ids = therapistRows.map((t) => t.id);

  // One query at a time: inside a transaction they share one connection.
  const hours = ids.length
    ? await db
        .select()
        .from(therapistHours)
        .where(and(clinicScope(actor, therapistHours), inArray(therapistHours.therapistUserId, ids)))
    : [];
  const exceptions = ids.length
    ? await db
        .select()
        .from(availabilityExceptions)
        .where(and(clinicScope(actor, availabilityExceptions), inArray(availabilityExceptions.therapistUserId, ids)))
    : [];
  const booked = await db
    .select({
      id: appointments.id,
      therapistId: appointments.therapistUserId,
      roomId: appointments.roomId,
      clientId: appointments.clientId,
      start: appointments.startsAt,
      end: appointments.endsAt,
      blocksUntil: appointments.blocksUntil,
      firstName: clients.firstName,
      lastName: clients.lastName,
      preferredName: clients.preferredName,
    })
    .from(appointments)
    .innerJoin(clients, and(eq(clients.clinicId, appointments.clinicId), eq(clients.id, appointments.clientId)))
    .where(
      and(
        clinicScope(actor, appointments),
        inArray(appointments.status, [...ACTIVE_STATUSES]),
        overlapping(window.from, window.to, "blocksUntil"),
      ),
    );
  const roomRows = await db
    .select({ id: rooms.id, name: rooms.name })
    .from(rooms)
    .where(and(clinicScope(actor, rooms), isNull(rooms.archivedAt)))
    .orderBy(rooms.name);
  const bookings: DiaryBooking[] = booked.map((b) => ({
    id: b.id,
    therapistId: b.therapistId,
    roomId: b.roomId,
    clientId: b.clientId,
    clientName: fullName(b),
    start: b.start,
    end: b.end,
    blocksUntil: b.blocksUntil,
  }));

  const therapists = new Map<string, TherapistDiary>();
  for (const t of therapistRows) {
    const own = exceptions.filter((e) => e.therapistUserId === t.id).map((e) => e.exception as AvailabilityException);
    therapists.set(t.id, {
      id: t.id,
      name: t.name,
      availability: expandAvailability({
        weekly: hours.find((h) => h.therapistUserId === t.id)?.blocks ?? [],
        exceptions: own,
        timeZone: actor.clinicTimezone,
        ...window,
      }),
      timeOff: own.flatMap((e) => {
        if (e.kind !== "time_off") return [];
        const interval = timeOffInterval(e, actor.clinicTimezone);
        return interval ? [{ interval, note: e.note ?? null }] : [];
      }),
      bookings: bookings.filter((b) => b.therapistId === t.id),
    });
  }
  return {
    timeZone: actor.clinicTimezone,
    locale: actor.clinicLocale,
    type: {
      id: type.id,
      name: type.name,
      durationMin: type.durationMin,
      bufferAfterMin: type.bufferAfterMin,
      needsRoom: type.needsRoom,
    },
    client: { id: client.id, name: fullName(client) },
    therapists,
    staffNames: new Map(staff.map((s) => [s.id, s.name])),
    rooms: roomRows.map((r) => ({ ...r, bookings: bookings.filter((b) => b.roomId === r.id) })),
    clientBookings: bookings.filter((b) => b.clientId === clientId),
  };
}

/** The appointment type's length, if it is the clinic's and not archived. */
export async function typeTiming(db: Db, actor: Actor, typeId: string) {
  const [type] = await db
    .select({ durationMin: appointmentTypes.durationMin })
    .from(appointmentTypes)
    .where(
      and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId), isNull(appointmentTypes.archivedAt)),
    );
  if (!type) throw notFound("That appointment type");
  return type;
}
