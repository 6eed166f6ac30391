import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, therapistRegistrations, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

/** Staff of the clinic with their registration numbers (for the settings page and invoices). */
export async function listRegistrations(db: Db, actor: Actor) {
  assertCan(actor, "clinic.settings");
  const rows = await db
    .selectDistinct({
      userId: users.id,
      name: users.name,
      registrationNumber: therapistRegistrations.registrationNumber,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      therapistRegistrations,
      and(eq(therapistRegistrations.clinicId, memberships.clinicId), eq(therapistRegistrations.userId, users.id)),
    )
    .where(currentTherapistOf(actor.clinicId))
    .orderBy(users.name);
  return rows.map((r) => ({ userId: r.userId, name: r.name, registrationNumber: r.registrationNumber ?? "" }));
}
