import "server-only";
import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypeTherapists, memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { invalid } from "@/lib/errors";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

/**
 * Which therapists offer which appointment types. No rows for a type means every therapist
 * offers it, so a new clinic works before anyone sets this up, and a new therapist is not
 * silently left out of the types nobody restricted.
 */

/** typeId → the therapists who offer it (absent = everyone), for the given types or all. */
export async function typeTherapistMap(
  db: Db,
  actor: Pick<Actor, "clinicId">,
  typeIds?: readonly string[],
): Promise<Map<string, string[]>> {
  if (typeIds && typeIds.length === 0) return new Map();
  const rows = await db
    .select({ typeId: appointmentTypeTherapists.typeId, therapistId: appointmentTypeTherapists.therapistUserId })
    .from(appointmentTypeTherapists)
    .where(
      and(
        eq(appointmentTypeTherapists.clinicId, actor.clinicId),
        typeIds ? inArray(appointmentTypeTherapists.typeId, [...typeIds]) : undefined,
      ),
    );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.typeId, [...(map.get(r.typeId) ?? []), r.therapistId]);
  return map;
}

/**
 * The therapists who offer a type, or null when it is not restricted (everyone offers it).
 * The slot finder, series and online booking all ask this one function.
 */
export async function therapistsOfferingType(
  db: Db,
  actor: Pick<Actor, "clinicId">,
  typeId: string,
): Promise<string[] | null> {
  return (await typeTherapistMap(db, actor, [typeId])).get(typeId) ?? null;
}

/**
 * offersType as a SQL condition, for reads that apply the rule in the database (the portal's booking options
 * list each online type with its therapists in one statement): no list for the type, or the therapist on it.
 */
export function offersTypeSql(clinicId: string, typeId: SQL, therapistId: SQL): SQL {
  const x = appointmentTypeTherapists;
  return sql`(not exists (select 1 from ${x} l where l.clinic_id = ${clinicId} and l.type_id = ${typeId})
    or exists (select 1 from ${x} l where l.clinic_id = ${clinicId} and l.type_id = ${typeId}
      and l.therapist_user_id = ${therapistId}))`;
}

/** Whether a therapist may be booked for a type. */
export function offersType(offering: readonly string[] | null, therapistId: string): boolean {
  return offering === null || offering.includes(therapistId);
}

/** Replaces a type's therapist list; refuses anyone who is not a current therapist of the clinic. */
export async function setTypeTherapists(
  tx: Db,
  actor: Actor,
  typeId: string,
  therapistIds: readonly string[],
): Promise<void> {
  if (therapistIds.length > 0) {
    const found = await tx
      .select({ id: memberships.userId })
      .from(memberships)
      .where(and(currentTherapistOf(actor.clinicId), inArray(memberships.userId, [...therapistIds])));
    if (found.length !== new Set(therapistIds).size) {
      throw invalid("Choose therapists of this clinic.", { therapistIds: ["Choose therapists of this clinic."] });
    }
  }
  await tx
    .delete(appointmentTypeTherapists)
    .where(and(clinicScope(actor, appointmentTypeTherapists), eq(appointmentTypeTherapists.typeId, typeId)));
  if (therapistIds.length > 0) {
    await tx
      .insert(appointmentTypeTherapists)
      .values(therapistIds.map((id) => ({ clinicId: actor.clinicId, typeId, therapistUserId: id })));
  }
}
