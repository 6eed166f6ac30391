import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, rooms } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import { setTypeTherapists, typeTherapistMap } from "./type-therapists";
import type {
  AppointmentTypeDto,
  appointmentTypeBody,
  appointmentTypePatchBody,
  roomBody,
  roomPatchBody,
} from "./schemas";

const roomDto = (r: typeof rooms.$inferSelect) => ({ id: r.id, name: r.name, archived: r.archivedAt !== null });
const typeDto = (
  t: typeof appointmentTypes.$inferSelect,
  therapistIds: readonly string[] = [],
): AppointmentTypeDto => ({
  id: t.id,
  name: t.name,
  durationMin: t.durationMin,
  bufferAfterMin: t.bufferAfterMin,
  colour: t.colour,
  bookableOnline: t.bookableOnline,
  needsRoom: t.needsRoom,
  archived: t.archivedAt !== null,
  therapistIds: [...therapistIds].sort(),
});

export async function listRooms(db: Db, actor: Actor) {
  assertCan(actor, "schedule.manage");
  return (await db.select().from(rooms).where(clinicScope(actor, rooms)).orderBy(asc(rooms.name))).map(roomDto);
}

export async function createRoom(db: Db, actor: Actor, input: z.output<typeof roomBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(rooms).values({ clinicId: actor.clinicId, name: input.name }).returning();
    await recordEvent(tx, actor, { action: "room.created", entityType: "room", entityId: row!.id });
    return roomDto(row!);
  });
}

/** Rename or archive (rooms with bookings are never deleted). */
export async function updateRoom(db: Db, actor: Actor, roomId: string, input: z.output<typeof roomPatchBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const set: Partial<typeof rooms.$inferInsert> = {};
    if (input.name !== undefined) set.name = input.name;
    if (input.archived !== undefined) set.archivedAt = input.archived ? new Date() : null;
    const [row] = Object.keys(set).length
      ? await tx
          .update(rooms)
          .set(set)
          .where(and(clinicScope(actor, rooms), eq(rooms.id, roomId)))
          .returning()
      : await tx
          .select()
          .from(rooms)
          .where(and(clinicScope(actor, rooms), eq(rooms.id, roomId)));
    if (!row) throw notFound("That room");
    await recordEvent(tx, actor, {
      action: "room.updated",
      entityType: "room",
      entityId: roomId,
      details: { fields: Object.keys(set) },
    });
    return roomDto(row);
  });
}

export async function listAppointmentTypes(db: Db, actor: Actor) {
  assertCan(actor, "schedule.manage");
  const [rows, offering] = await Promise.all([
    db.select().from(appointmentTypes).where(clinicScope(actor, appointmentTypes)).orderBy(asc(appointmentTypes.name)),
    typeTherapistMap(db, actor),
  ]);
  return rows.map((t) => typeDto(t, offering.get(t.id)));
}

export async function createAppointmentType(db: Db, actor: Actor, input: z.output<typeof appointmentTypeBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const { therapistIds = [], ...fields } = input;
    const [row] = await tx
      .insert(appointmentTypes)
      .values({ clinicId: actor.clinicId, ...fields })
      .returning();
    await setTypeTherapists(tx, actor, row!.id, therapistIds);
    await recordEvent(tx, actor, {
      action: "appointment_type.created",
      entityType: "appointment_type",
      entityId: row!.id,
      details: { therapists: therapistIds.length },
    });
    return typeDto(row!, therapistIds);
  });
}

export async function updateAppointmentType(
  db: Db,
  actor: Actor,
  typeId: string,
  input: z.output<typeof appointmentTypePatchBody>,
) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const { archived, therapistIds, ...fields } = input;
    const set: Partial<typeof appointmentTypes.$inferInsert> = { ...fields };
    if (archived !== undefined) set.archivedAt = archived ? new Date() : null;
    const [row] = Object.keys(set).length
      ? await tx
          .update(appointmentTypes)
          .set(set)
          .where(and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId)))
          .returning()
      : await tx
          .select()
          .from(appointmentTypes)
          .where(and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId)));
    if (!row) throw notFound("That appointment type");
    if (therapistIds !== undefined) await setTypeTherapists(tx, actor, typeId, therapistIds);
    const changed = [...Object.keys(set), ...(therapistIds !== undefined ? ["therapistIds"] : [])];
    await recordEvent(tx, actor, {
      action: "appointment_type.updated",
      entityType: "appointment_type",
      entityId: typeId,
      details: { fields: changed },
    });
    return typeDto(row, therapistIds ?? (await typeTherapistMap(tx, actor, [typeId])).get(typeId));
  });
}
