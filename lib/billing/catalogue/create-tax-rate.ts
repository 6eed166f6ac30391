import "server-only";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { taxRates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { taxRateBody } from "../schemas";
import { rateDto } from "./rows";

export async function createTaxRate(db: Db, actor: Actor, input: z.output<typeof taxRateBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(taxRates)
      .values({ clinicId: actor.clinicId, ...input })
      .returning();
    await recordEvent(tx, actor, { action: "tax_rate.created", entityType: "tax_rate", entityId: row!.id });
    return rateDto(row!);
  });
}
