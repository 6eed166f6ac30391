import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import { setTypeTherapists, typeTherapistMap } from "./type-therapists";
import type { appointmentTypePatchBody } from "./schemas";
import { typeDto } from "./room-and-type-rows";

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
