import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { rooms } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import type { roomPatchBody } from "./schemas";
import { roomDto } from "./room-and-type-rows";

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
