import "server-only";
import { ACTIVE_STATUSES } from "@/lib/scheduling/rules/statuses";
import { and, asc, eq, gt, inArray, isNull, lt, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients, rooms, users, waitlistEntries } from "@/db/schema";
import { selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { typeTherapistMap } from "@/lib/scheduling/setup/type-therapists";
import { byBestMatch, matchEntry, type TypeInfo } from "./match";
import { findEntries } from "./entry-lookups";
import type { FreedSlotDto } from "./schemas";

type SlotRow = FreedSlotDto & { start: Date; end: Date; blocksUntil: Date; clientId: string };

export async function slotRows(db: Db, actor: Actor, where: SQL | undefined): Promise<SlotRow[]> {
  const rows = await selectAppointmentView(db, {
    appointmentId: appointments.id,
    start: appointments.startsAt,
    end: appointments.endsAt,
    blocksUntil: appointments.blocksUntil,
    therapistId: appointments.therapistUserId,
    therapistName: users.name,
    typeId: appointments.typeId,
    typeName: appointmentTypes.name,
    roomId: appointments.roomId,
    roomName: rooms.name,
    status: appointments.status,
    cancelledAt: appointments.cancelledAt,
    clientId: appointments.clientId,
  })
    .where(and(clinicScope(actor, appointments), where))
    .orderBy(asc(appointments.startsAt));
  // Free = no longer active, and no other active booking of the therapist or the room in its time since.
  const taken = rows.length
    ? await db
        .select({
          therapistId: appointments.therapistUserId,
          roomId: appointments.roomId,
          start: appointments.startsAt,
          blocksUntil: appointments.blocksUntil,
        })
        .from(appointments)
        .where(
          and(
            clinicScope(actor, appointments),
            inArray(appointments.status, [...ACTIVE_STATUSES]),
            lt(appointments.startsAt, new Date(Math.max(...rows.map((r) => r.blocksUntil.getTime())))),
            gt(appointments.blocksUntil, new Date(Math.min(...rows.map((r) => r.start.getTime())))),
          ),
        )
    : [];
  return rows.map(({ roomId, ...r }) => ({
    ...r,
    startsAt: r.start.toISOString(),
    endsAt: r.end.toISOString(),
    cancelledAt: r.cancelledAt?.toISOString() ?? null,
    free:
      !(ACTIVE_STATUSES as readonly string[]).includes(r.status) &&
      !taken.some(
        (o) =>
          (o.therapistId === r.therapistId || (roomId !== null && o.roomId === roomId)) &&
          o.start < r.blocksUntil &&
          o.blocksUntil > r.start,
      ),
  }));
}

/** Everything matching needs, loaded once: waiting entries, types and who offers them, waiting clients' bookings. */
export async function matchingContext(db: Db, actor: Actor) {
  const entries = await findEntries(db, actor, and(eq(waitlistEntries.status, "waiting"), isNull(clients.archivedAt)));
  const typeRows = await db.select().from(appointmentTypes).where(clinicScope(actor, appointmentTypes));
  const offering = await typeTherapistMap(db, actor);
  const types = new Map<string, TypeInfo>(
    typeRows.map((t) => [
      t.id,
      {
        name: t.name,
        durationMin: t.durationMin,
        bufferAfterMin: t.bufferAfterMin,
        offeredBy: offering.get(t.id) ?? null,
      },
    ]),
  );
  const clientIds = [...new Set(entries.map((e) => e.clientId))];
  const busy = clientIds.length
    ? await db
        .select({ clientId: appointments.clientId, start: appointments.startsAt, end: appointments.endsAt })
        .from(appointments)
        .where(
          and(
            clinicScope(actor, appointments),
            inArray(appointments.status, [...ACTIVE_STATUSES]),
            inArray(appointments.clientId, clientIds),
            gt(appointments.endsAt, new Date()),
          ),
        )
    : [];
  return { entries, types, busy };
}

type Context = Awaited<ReturnType<typeof matchingContext>>;

export function matchesFor(ctx: Context, slot: SlotRow, timeZone: string) {
  return (
    ctx.entries
      .filter((e) => e.clientId !== slot.clientId)
      // The client cannot come if they already have an appointment at that time.
      .filter((e) => !ctx.busy.some((b) => b.clientId === e.clientId && b.start < slot.end && b.end > slot.start))
      .flatMap((e) => {
        const m = matchEntry(slot, e, ctx.types, timeZone);
        return m ? [{ entry: e, createdAt: e.createdAt, ...m }] : [];
      })
      .sort(byBestMatch)
  );
}
