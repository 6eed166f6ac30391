import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { products } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { productBody } from "../schemas";
import { requireTaxRate } from "./lookups";
import { productDto } from "./rows";

export async function createProduct(db: Db, actor: Actor, input: z.output<typeof productBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    await requireTaxRate(tx, actor, input.taxRateId, "taxRateId");
    const [row] = await tx
      .insert(products)
      .values({ clinicId: actor.clinicId, ...input })
      .returning();
    await recordEvent(tx, actor, { action: "product.created", entityType: "product", entityId: row!.id });
    return productDto(row!);
  });
}
