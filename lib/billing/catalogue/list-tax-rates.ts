import "server-only";
import { asc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { taxRates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { assertCanRead } from "./read-access";
import { rateDto } from "./rows";

export async function listTaxRates(db: Db, actor: Actor) {
  assertCanRead(actor);
  const rows = await db.select().from(taxRates).where(clinicScope(actor, taxRates)).orderBy(asc(taxRates.name));
  return rows.map(rateDto);
}
