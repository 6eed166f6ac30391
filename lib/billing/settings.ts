import "server-only";
import { and, eq, isNull, ne } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { billingSettings, clinics, invoices, memberships, taxRates, therapistRegistrations, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, invalid, notFound } from "@/lib/errors";
import { minorDigits } from "./rules/money";
import type { BillingSettingsDto, billingSettingsBody, registrationBody } from "./schemas";

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

/** Staff of the clinic with their registration numbers (for the settings page and invoices). */
export async function listRegistrations(db: Db, actor: Actor) {
  assertCan(actor, "clinic.settings");
  const rows = await db
    .selectDistinct({
      userId: users.id,
      name: users.name,
      registrationNumber: therapistRegistrations.registrationNumber,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .leftJoin(
      therapistRegistrations,
      and(eq(therapistRegistrations.clinicId, memberships.clinicId), eq(therapistRegistrations.userId, users.id)),
    )
    .where(and(clinicScope(actor, memberships), eq(memberships.role, "therapist"), isNull(memberships.revokedAt)))
    .orderBy(users.name);
  return rows.map((r) => ({ userId: r.userId, name: r.name, registrationNumber: r.registrationNumber ?? "" }));
}

export async function setRegistration(db: Db, actor: Actor, input: z.output<typeof registrationBody>) {
  assertCan(actor, "clinic.settings");
  return db.transaction(async (tx) => {
    const [member] = await tx
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(
        and(
          clinicScope(actor, memberships),
          eq(memberships.userId, input.userId),
          eq(memberships.role, "therapist"),
          isNull(memberships.revokedAt),
        ),
      );
    if (!member) throw notFound("That therapist");
    await tx
      .insert(therapistRegistrations)
      .values({ clinicId: actor.clinicId, userId: input.userId, registrationNumber: input.registrationNumber })
      .onConflictDoUpdate({
        target: [therapistRegistrations.clinicId, therapistRegistrations.userId],
        set: { registrationNumber: input.registrationNumber, updatedAt: new Date() },
      });
    await recordEvent(tx, actor, {
      action: "billing.registration_set",
      entityType: "user",
      entityId: input.userId,
    });
    return { userId: input.userId, registrationNumber: input.registrationNumber };
  });
}
