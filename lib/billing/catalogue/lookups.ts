import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { servicePrices, taxRates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { invalid } from "@/lib/errors";

/** A live tax rate of the clinic, or a 400 on the field that named it. */
export async function requireTaxRate(db: Db, actor: Actor, id: string | null, field: string) {
  if (!id) return null;
  const [r] = await db
    .select()
    .from(taxRates)
    .where(and(clinicScope(actor, taxRates), eq(taxRates.id, id), isNull(taxRates.archivedAt)));
  if (!r) throw invalid("Some fields need attention.", { [field]: ["Choose one of the clinic's tax rates."] });
  return r;
}

/** The fee for a type and therapist: their own fee, else the clinic's; null when none is set. */
export async function priceFor(db: Db, actor: Actor, typeId: string, therapistUserId: string | null) {
  const rows = await db
    .select()
    .from(servicePrices)
    .where(and(clinicScope(actor, servicePrices), eq(servicePrices.typeId, typeId)));
  return rows.find((r) => r.therapistUserId === therapistUserId) ?? rows.find((r) => !r.therapistUserId) ?? null;
}
