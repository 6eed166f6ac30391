import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { invoiceLines, invoices, products, taxRates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { invalid } from "@/lib/errors";
import { invoiceTotals, lineAmounts } from "./rules/money";
import type { invoiceLineInput } from "./schemas";

export type LineInput = z.output<typeof invoiceLineInput>;
type LineRow = typeof invoiceLines.$inferInsert;

/**
 * Resolves lines against the clinic's tax rates and products (400 on a foreign or archived
 * one, on the field that named it) and computes each line's amounts with the one rounding rule.
 */
export async function computeLines(
  db: Db,
  actor: Actor,
  invoiceId: string,
  lines: readonly LineInput[],
  taxInclusive: boolean,
): Promise<LineRow[]> {
  const rateIds = [...new Set(lines.map((l) => l.taxRateId).filter((x): x is string => !!x))];
  const productIds = [...new Set(lines.map((l) => l.productId).filter((x): x is string => !!x))];
  const [rates, prods] = await Promise.all([
    rateIds.length
      ? db
          .select({ id: taxRates.id, name: taxRates.name, rateBp: taxRates.rateBp, archivedAt: taxRates.archivedAt })
          .from(taxRates)
          .where(and(clinicScope(actor, taxRates), inArray(taxRates.id, rateIds)))
      : [],
    productIds.length
      ? db
          .select({ id: products.id })
          .from(products)
          .where(and(clinicScope(actor, products), inArray(products.id, productIds)))
      : [],
  ]);
  const rateById = new Map(rates.map((r) => [r.id, r]));
  const productSet = new Set(prods.map((p) => p.id));
  const fieldErrors: Record<string, string[]> = {};
  const rows = lines.map((l, i): LineRow => {
    const rate = l.taxRateId ? rateById.get(l.taxRateId) : undefined;
    if (l.taxRateId && (!rate || rate.archivedAt)) {
      fieldErrors[`lines.${i}.taxRateId`] = ["Choose one of the clinic's tax rates."];
    }
    if (l.productId && !productSet.has(l.productId)) {
      fieldErrors[`lines.${i}.productId`] = ["Choose one of the clinic's products."];
    }
    const taxRateBp = rate?.rateBp ?? 0;
    const amounts = lineAmounts(
      { quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, discountBp: l.discountBp, taxRateBp },
      taxInclusive,
    );
    return {
      clinicId: actor.clinicId,
      invoiceId,
      position: i + 1,
      kind: l.kind,
      description: l.description,
      productId: l.productId,
      procedureCode: l.procedureCode,
      quantity: l.quantity,
      unitPriceMinor: l.unitPriceMinor,
      discountBp: l.discountBp,
      taxRateId: rate ? l.taxRateId : null,
      taxRateBp,
      taxName: rate?.name ?? "",
      ...amounts,
    };
  });
  if (Object.keys(fieldErrors).length) throw invalid("Some fields need attention.", fieldErrors);
  const totals = invoiceTotals(rows as { netMinor: number; taxMinor: number; totalMinor: number }[]);
  if (totals.totalMinor < 0) {
    throw invalid("Some fields need attention.", { lines: ["Discounts cannot exceed the invoice's total."] });
  }
  return rows;
}

/** Replaces a draft's lines and stores its totals (the trigger refuses this once issued). */
export async function replaceDraftLines(db: Db, actor: Actor, invoiceId: string, rows: LineRow[]) {
  await db.delete(invoiceLines).where(and(clinicScope(actor, invoiceLines), eq(invoiceLines.invoiceId, invoiceId)));
  if (rows.length) await db.insert(invoiceLines).values(rows);
  const totals = invoiceTotals(rows as { netMinor: number; taxMinor: number; totalMinor: number }[]);
  await db
    .update(invoices)
    .set({ ...totals, updatedAt: new Date() })
    .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
  return totals;
}
