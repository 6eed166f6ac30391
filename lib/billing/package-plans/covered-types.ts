import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, packagePlanTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { invalid, notFound } from "@/lib/errors";

/**
 * Every id must be an appointment type of this clinic: another clinic's (or no) type answers
 * 404 like a missing one (existence never leaks); an archived one is a 400 on typeIds.
 */
export async function setCoveredTypes(tx: Db, actor: Actor, planId: string, typeIds: string[]) {
  const found = await tx
    .select({ id: appointmentTypes.id, archivedAt: appointmentTypes.archivedAt })
    .from(appointmentTypes)
    .where(and(clinicScope(actor, appointmentTypes), inArray(appointmentTypes.id, typeIds)));
  if (found.length !== typeIds.length) throw notFound("That appointment type");
  if (found.some((t) => t.archivedAt)) {
    throw invalid("Some fields need attention.", { typeIds: ["Archived types cannot be covered."] });
  }
  await tx
    .delete(packagePlanTypes)
    .where(and(clinicScope(actor, packagePlanTypes), eq(packagePlanTypes.planId, planId)));
  await tx.insert(packagePlanTypes).values(typeIds.map((typeId) => ({ clinicId: actor.clinicId, planId, typeId })));
}
