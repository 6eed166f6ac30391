import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointmentTypes, servicePrices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import type { priceBody } from "../schemas";
import { listPrices } from "./list-prices";
import { requireTaxRate } from "./lookups";

/** Sets the fee of a type (or a therapist's own fee for it): one row per pair, replaced in place. */
export async function setPrice(db: Db, actor: Actor, input: z.output<typeof priceBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [type] = await tx
      .select({ id: appointmentTypes.id })
      .from(appointmentTypes)
      .where(and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, input.typeId)));
    // Another clinic's type answers like a missing one (existence never leaks).
    if (!type) throw notFound("That appointment type");
    await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const same = and(
      clinicScope(actor, servicePrices),
      eq(servicePrices.typeId, input.typeId),
      input.therapistUserId
        ? eq(servicePrices.therapistUserId, input.therapistUserId)
        : isNull(servicePrices.therapistUserId),
    );
    const [existing] = await tx.select({ id: servicePrices.id }).from(servicePrices).where(same);
    const values = {
      amountMinor: input.amountMinor,
      taxRateId: input.taxRateId,
      procedureCode: input.procedureCode,
      updatedAt: new Date(),
    };
    const id = existing
      ? (await tx.update(servicePrices).set(values).where(same).returning({ id: servicePrices.id }))[0]!.id
      : (
          await tx
            .insert(servicePrices)
            .values({
              clinicId: actor.clinicId,
              typeId: input.typeId,
              therapistUserId: input.therapistUserId,
              ...values,
            })
            .returning({ id: servicePrices.id })
        )[0]!.id;
    await recordEvent(tx, actor, {
      action: "price.set",
      entityType: "service_price",
      entityId: id,
      details: { typeId: input.typeId, therapistUserId: input.therapistUserId },
    });
    return (await listPrices(tx, actor)).find((p) => p.id === id)!;
  });
}
