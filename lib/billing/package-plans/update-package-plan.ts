import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { packagePlans } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { requireTaxRate } from "../catalogue/lookups";
import type { packagePlanPatchBody } from "../package-schemas";
import { setCoveredTypes } from "./covered-types";
import { getPackagePlan } from "./get-package-plan";

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
