import "server-only";
import { and, eq } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import type { productPatchBody } from "../schemas";
import { requireTaxRate } from "./lookups";
import { productDto } from "./rows";

export async function updateProduct(db: Db, actor: Actor, id: string, input: z.output<typeof productPatchBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    if (input.taxRateId) await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const { archived, ...fields } = input;
    const [row] = await tx
      .update(products)
      .set({ ...fields, ...(archived === undefined ? {} : { archivedAt: archived ? new Date() : null }) })
      .where(and(clinicScope(actor, products), eq(products.id, id)))
      .returning();
    if (!row) throw notFound("That product");
    await recordEvent(tx, actor, {
      action: "product.updated",
      entityType: "product",
      entityId: id,
      details: { fields: Object.keys(input) },
    });
    return productDto(row);
  });
}
