import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { typeTherapistMap } from "./type-therapists";
import { typeDto } from "./room-and-type-rows";

export async function listAppointmentTypes(db: Db, actor: Actor) {
  assertCan(actor, "schedule.manage");
  const [rows, offering] = await Promise.all([
    db.select().from(appointmentTypes).where(clinicScope(actor, appointmentTypes)).orderBy(asc(appointmentTypes.name)),
    typeTherapistMap(db, actor),
  ]);
  return rows.map((t) => typeDto(t, offering.get(t.id)));
}
