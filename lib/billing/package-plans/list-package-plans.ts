import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes, packagePlanTypes, packagePlans } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import type { PackagePlanDto } from "../package-schemas";

/** The clinic's plans with the names of the types they cover, archived ones last. */
export async function listPackagePlans(db: Db, actor: Actor, ids?: string[]): Promise<PackagePlanDto[]> {
  assertCan(actor, "billing.manage");
  const plans = await db
    .select()
    .from(packagePlans)
    .where(and(clinicScope(actor, packagePlans), ids ? inArray(packagePlans.id, ids) : undefined))
    .orderBy(asc(packagePlans.name));
  if (!plans.length) return [];
  const types = await db
    .select({ planId: packagePlanTypes.planId, typeId: packagePlanTypes.typeId, name: appointmentTypes.name })
    .from(packagePlanTypes)
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.clinicId, packagePlanTypes.clinicId), eq(appointmentTypes.id, packagePlanTypes.typeId)),
    )
    .where(
      and(
        clinicScope(actor, packagePlanTypes),
        inArray(
          packagePlanTypes.planId,
          plans.map((p) => p.id),
        ),
      ),
    )
    .orderBy(asc(appointmentTypes.name));
  return plans
    .map((p) => {
      const mine = types.filter((t) => t.planId === p.id);
      return {
        id: p.id,
        name: p.name,
        sessions: p.sessions,
        typeIds: mine.map((t) => t.typeId),
        typeNames: mine.map((t) => t.name),
        priceMinor: p.priceMinor,
        taxRateId: p.taxRateId,
        validityDays: p.validityDays,
        archived: p.archivedAt !== null,
        version: p.version,
      };
    })
    .sort((a, b) => Number(a.archived) - Number(b.archived));
}
