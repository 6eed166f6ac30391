import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { taxRates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import type { taxRatePatchBody } from "../schemas";
import { rateDto } from "./rows";

/** Rename, or archive; the rate itself is copied onto each line, so issued invoices keep theirs. */
export async function updateTaxRate(db: Db, actor: Actor, id: string, input: z.output<typeof taxRatePatchBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const { archived, ...fields } = input;
    const [row] = await tx
      .update(taxRates)
      .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
      .where(and(clinicScope(actor, taxRates), eq(taxRates.id, id)))
      .returning();
    if (!row) throw notFound("That tax rate");
    await recordEvent(tx, actor, {
      action: "tax_rate.updated",
      entityType: "tax_rate",
      entityId: id,
      details: { fields: Object.keys(input) },
    });
    return rateDto(row);
  });
}
