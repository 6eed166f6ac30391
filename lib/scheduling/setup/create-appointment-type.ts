import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { setTypeTherapists } from "./type-therapists";
import type { appointmentTypeBody } from "./schemas";
import { typeDto } from "./room-and-type-rows";

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
