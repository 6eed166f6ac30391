import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { billingSettings } from "@/db/schema";

export type BillingSettingsRow = typeof billingSettings.$inferSelect;

/** The clinic's billing settings; a clinic that never saved them gets the defaults (GBP, inclusive). */
export async function loadBillingSettings(db: Db, clinicId: string): Promise<BillingSettingsRow> {
  const [row] = await db.select().from(billingSettings).where(eq(billingSettings.clinicId, clinicId));
  return (
    row ?? {
      clinicId,
      currency: "GBP",
      businessName: "",
      businessAddress: "",
      taxNumber: "",
      pricesIncludeTax: true,
      defaultTaxRateId: null,
      autoInvoice: false,
      paymentTermsDays: 14,
      invoicePrefix: "INV-",
      creditNotePrefix: "CN-",
      version: 1,
      updatedAt: new Date(0),
    }
  );
}
