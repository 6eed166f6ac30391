import "server-only";
import type { Db } from "@/db/client";
import { payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { applyAllocations, lockClient, planAllocations } from "../ledger";
import { loadBillingSettings } from "../settings/load-billing-settings";
import type { PaymentMethod } from "../rules/constants";

export interface NewPayment {
  clientId: string;
  method: PaymentMethod;
  amountMinor: number;
  receivedAt?: Date;
  reference?: string;
  payerName?: string;
  providerRef?: string | null;
  allocations?: { invoiceId: string; amountMinor: number }[];
}

/**
 * Records money received inside the caller's transaction and allocates it: to the invoices
 * named, or the oldest unpaid first. Whatever is left is account credit (an overpayment).
 */
export async function recordPaymentIn(tx: Db, actor: Actor, input: NewPayment): Promise<string> {
  await lockClient(tx, actor, input.clientId);
  const settings = await loadBillingSettings(tx, actor.clinicId);
  const plan = await planAllocations(tx, actor, input.clientId, input.amountMinor, input.allocations);
  const [row] = await tx
    .insert(payments)
    .values({
      clinicId: actor.clinicId,
      clientId: input.clientId,
      kind: "payment",
      method: input.method,
      amountMinor: input.amountMinor,
      currency: settings.currency,
      receivedAt: input.receivedAt ?? new Date(),
      reference: input.reference ?? "",
      payerName: input.payerName ?? "",
      providerRef: input.providerRef ?? null,
      createdBy: actor.userId || null,
    })
    .returning({ id: payments.id });
  await applyAllocations(tx, actor, { paymentId: row!.id }, plan);
  const allocated = plan.reduce((s, a) => s + a.amountMinor, 0);
  // A webhook records payments with no person signed in.
  await recordEvent(
    tx,
    { clinicId: actor.clinicId, userId: actor.userId || null },
    {
      action: "payment.recorded",
      entityType: "payment",
      entityId: row!.id,
      details: {
        clientId: input.clientId,
        method: input.method,
        amountMinor: input.amountMinor,
        invoices: plan.map((a) => a.invoiceId),
        toCreditMinor: input.amountMinor - allocated,
      },
    },
  );
  return row!.id;
}
