import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, packagePlanTypes, packagePlans } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { requireTaxRate } from "./catalogue/lookups";
import type { PackagePlanDto, packagePlanBody, packagePlanPatchBody } from "./package-schemas";

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

/** One plan of this clinic; another clinic's id answers like a missing one. */
export async function getPackagePlan(db: Db, actor: Actor, planId: string): Promise<PackagePlanDto> {
  const [plan] = await listPackagePlans(db, actor, [planId]);
  if (!plan) throw notFound("That package plan");
  return plan;
}

/**
 * Every id must be an appointment type of this clinic: another clinic's (or no) type answers
 * 404 like a missing one (existence never leaks); an archived one is a 400 on typeIds.
 */
async function setCoveredTypes(tx: Db, actor: Actor, planId: string, typeIds: string[]) {
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

export async function createPackagePlan(db: Db, actor: Actor, input: z.output<typeof packagePlanBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction(async (tx) => {
    await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const { typeIds, ...fields } = input;
    const [row] = await tx
      .insert(packagePlans)
      .values({ clinicId: actor.clinicId, ...fields })
      .returning({ id: packagePlans.id });
    await setCoveredTypes(tx, actor, row!.id, typeIds);
    await recordEvent(tx, actor, {
      action: "package_plan.created",
      entityType: "package_plan",
      entityId: row!.id,
      details: { sessions: input.sessions, priceMinor: input.priceMinor, validityDays: input.validityDays },
    });
    return row!.id;
  });
  return getPackagePlan(db, actor, id);
}

/**
 * Edit or archive (archived: true) a plan. Packages already sold keep what they were sold
 * with (copied at sale), so an edit only changes what is sold from now on.
 */
export async function updatePackagePlan(
  db: Db,
  actor: Actor,
  planId: string,
  input: z.output<typeof packagePlanPatchBody>,
) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    const [plan] = await tx
      .select({ version: packagePlans.version })
      .from(packagePlans)
      .where(and(clinicScope(actor, packagePlans), eq(packagePlans.id, planId)))
      .for("update");
    if (!plan) throw notFound("That package plan");
    if (plan.version !== input.version) {
      throw conflict("Someone else changed this package plan. Reload to see their changes.");
    }
    const { archived, typeIds, version, ...fields } = input;
    if (fields.taxRateId) await requireTaxRate(tx, actor, fields.taxRateId, "taxRateId");
    if (typeIds) await setCoveredTypes(tx, actor, planId, typeIds);
    await tx
      .update(packagePlans)
      .set({
        ...fields,
        ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }),
        version: version + 1,
        updatedAt: new Date(),
      })
      .where(and(clinicScope(actor, packagePlans), eq(packagePlans.id, planId)));
    await recordEvent(tx, actor, {
      action: archived === true ? "package_plan.archived" : "package_plan.updated",
      entityType: "package_plan",
      entityId: planId,
      details: { fields: Object.keys(input).filter((k) => k !== "version") },
    });
  });
  return getPackagePlan(db, actor, planId);
}
