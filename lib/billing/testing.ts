/**
 * Test helpers for billing (tests and e2e seeding only): a clinic set up to bill, and a
 * completed appointment to invoice.
 */
import { appointmentTypes, appointments, rooms } from "@/db/schema";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { createTaxRate } from "./catalogue/create-tax-rate";
import { setPrice } from "./catalogue/set-price";
import { getBillingSettings } from "./settings/get-billing-settings";
import { updateBillingSettings } from "./settings/update-billing-settings";

export interface BillingSetup {
  typeId: string;
  roomId: string;
  vatId: string;
}

/** GBP, prices including 20 % VAT, a "Treatment 60" type at £60.00 (optionally a therapist's own fee). */
export async function setUpBilling(db: Db, admin: Actor, opts: { inclusive?: boolean } = {}): Promise<BillingSetup> {
  const vat = await createTaxRate(db, admin, { name: "VAT 20%", rateBp: 2000 });
  const current = await getBillingSettings(db, admin);
  await updateBillingSettings(db, admin, {
    currency: "GBP",
    businessName: "Knotwork Demo Clinic Ltd",
    businessAddress: "1 High Street\nBristol BS1 1AA",
    taxNumber: "GB123456789",
    pricesIncludeTax: opts.inclusive ?? true,
    defaultTaxRateId: vat.id,
    autoInvoice: false,
    paymentTermsDays: 14,
    invoicePrefix: "INV-",
    billingForTherapists: false,
    version: current.version,
  });
  const [type] = await db
    .insert(appointmentTypes)
    .values({ clinicId: admin.clinicId, name: "Treatment 60", durationMin: 60, bufferAfterMin: 0 })
    .returning({ id: appointmentTypes.id });
  const [room] = await db
    .insert(rooms)
    .values({ clinicId: admin.clinicId, name: "Billing room" })
    .returning({ id: rooms.id });
  await setPrice(db, admin, {
    typeId: type!.id,
    therapistUserId: null,
    amountMinor: 6000,
    taxRateId: vat.id,
    procedureCode: "97140",
  });
  return { typeId: type!.id, roomId: room!.id, vatId: vat.id };
}

let minute = 0;

/** A completed appointment written straight to the table (its own rules are tested elsewhere). */
export async function completedAppointment(
  db: Db,
  admin: Actor,
  setup: BillingSetup,
  clientId: string,
  therapistUserId: string,
  startsAt = new Date(Date.UTC(2026, 10, 2, 8, 0) + ++minute * 61 * 60_000),
  status: "completed" | "arrived" = "completed",
): Promise<string> {
  const endsAt = new Date(startsAt.getTime() + 60 * 60_000);
  const [row] = await db
    .insert(appointments)
    .values({
      clinicId: admin.clinicId,
      clientId,
      therapistUserId,
      roomId: null,
      typeId: setup.typeId,
      startsAt,
      endsAt,
      blocksUntil: endsAt,
      status,
      createdBy: admin.userId,
    })
    .returning({ id: appointments.id });
  return row!.id;
}
