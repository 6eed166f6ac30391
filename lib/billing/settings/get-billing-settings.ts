import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can } from "@/lib/identity/scopes";
import { minorDigits } from "../rules/money";
import type { BillingSettingsDto } from "../schemas";
import { loadBillingSettings } from "./load-billing-settings";

/** Staff who bill or are billed for read the settings (currency for amounts); only admins change them. */
export async function getBillingSettings(db: Db, actor: Actor): Promise<BillingSettingsDto> {
  if (!can(actor, "billing.manage")) assertCan(actor, "clinic.settings");
  const [s, [clinic]] = await Promise.all([
    loadBillingSettings(db, actor.clinicId),
    db.select({ b: clinics.billingForTherapists }).from(clinics).where(eq(clinics.id, actor.clinicId)),
  ]);
  return {
    currency: s.currency,
    minorDigits: minorDigits(s.currency),
    businessName: s.businessName,
    businessAddress: s.businessAddress,
    taxNumber: s.taxNumber,
    pricesIncludeTax: s.pricesIncludeTax,
    defaultTaxRateId: s.defaultTaxRateId,
    autoInvoice: s.autoInvoice,
    paymentTermsDays: s.paymentTermsDays,
    invoicePrefix: s.invoicePrefix,
    billingForTherapists: clinic?.b ?? false,
    version: s.version,
  };
}
