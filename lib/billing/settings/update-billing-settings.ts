import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { billingSettings, clinics, invoices, taxRates } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid } from "@/lib/errors";
import type { BillingSettingsDto, billingSettingsBody } from "../schemas";
import { getBillingSettings } from "./get-billing-settings";
import { loadBillingSettings } from "./load-billing-settings";

export async function updateBillingSettings(
  db: Db,
  actor: Actor,
  input: z.output<typeof billingSettingsBody>,
): Promise<BillingSettingsDto> {
  assertCan(actor, "clinic.settings");
  await db.transaction(async (tx) => {
    if (input.defaultTaxRateId) {
      const [rate] = await tx
        .select({ id: taxRates.id })
        .from(taxRates)
        .where(and(clinicScope(actor, taxRates), eq(taxRates.id, input.defaultTaxRateId), isNull(taxRates.archivedAt)));
      if (!rate)
        throw invalid("Some fields need attention.", { defaultTaxRateId: ["Choose one of the clinic's rates."] });
    }
    const current = await loadBillingSettings(tx, actor.clinicId);
    if (current.version !== input.version) {
      throw conflict("Someone else changed the billing settings. Reload to see their changes.");
    }
    // The currency is printed on every issued invoice: changing it later would make the ledger mix currencies.
    if (current.currency !== input.currency && current.updatedAt.getTime() > 0) {
      const [issued] = await tx
        .select({ id: invoices.id })
        .from(invoices)
        .where(and(clinicScope(actor, invoices), ne(invoices.status, "draft")))
        .limit(1);
      if (issued) throw conflict("The currency cannot change once invoices have been issued.");
    }
    const { billingForTherapists, version, ...fields } = input;
    void version;
    await tx
      .insert(billingSettings)
      .values({ clinicId: actor.clinicId, ...fields, version: 1, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: billingSettings.clinicId,
        set: { ...fields, version: current.version + 1, updatedAt: new Date() },
      });
    await tx.update(clinics).set({ billingForTherapists }).where(eq(clinics.id, actor.clinicId));
    await recordEvent(tx, actor, {
      action: "billing.settings_updated",
      entityType: "clinic",
      entityId: actor.clinicId,
      details: { billingForTherapists, currency: input.currency },
    });
  });
  return getBillingSettings(db, actor);
}
