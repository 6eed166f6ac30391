import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { packagePlans } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { requireTaxRate } from "../catalogue/lookups";
import type { packagePlanBody } from "../package-schemas";
import { setCoveredTypes } from "./covered-types";
import { getPackagePlan } from "./get-package-plan";

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
