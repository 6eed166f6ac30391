import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { draftForAppointment } from "./invoices/drafting";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { giveBackForAppointment, redeemForAppointment } from "./redeem-package";
import { chargeFeeOnDraft } from "./package-draft-line";
import { appointmentInvoice } from "./invoices/lookups";

/**
 * Called in the transaction that marks an appointment completed: when the clinic invoices
 * automatically, the draft is there for the front desk at check-out. Whoever completed the
 * appointment need not hold billing.manage: drafting is the clinic's rule, not their act, and
 * a draft shows no one an amount they could not already see.
 */
export async function onAppointmentCompleted(tx: Db, actor: Actor, appointmentId: string) {
  const existing = await appointmentInvoice(tx, actor, appointmentId, "live");
  // A prepaid session is drawn first, so the draft below says "Package: …" instead of the fee;
  // but not when the visit was already invoiced for money (at arrival): it was charged once.
  if (!existing || existing.totalMinor === 0) await redeemForAppointment(tx, actor, appointmentId);
  const settings = await loadBillingSettings(tx, actor.clinicId);
  if (settings.autoInvoice && !existing) await draftForAppointment(tx, actor, appointmentId);
}

/**
 * Called in the transaction that takes an appointment out of "completed" (back to arrived) or
 * cancels it: a package session it drew goes back to the client, and a draft invoice that
 * said "Package: …" charges the fee again.
 */
export async function onAppointmentUncompleted(tx: Db, actor: Actor, appointmentId: string) {
  const given = await giveBackForAppointment(tx, actor, appointmentId);
  if (given) await chargeFeeOnDraft(tx, actor, appointmentId, given);
}
