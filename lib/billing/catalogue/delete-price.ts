import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { servicePrices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";

export async function deletePrice(db: Db, actor: Actor, id: string) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .delete(servicePrices)
      .where(and(clinicScope(actor, servicePrices), eq(servicePrices.id, id)))
      .returning({ id: servicePrices.id });
    if (!row) throw notFound("That price");
    await recordEvent(tx, actor, { action: "price.removed", entityType: "service_price", entityId: id });
  });
}
