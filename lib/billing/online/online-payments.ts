import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { requireClientId } from "@/lib/identity/actor";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { sqlState } from "@/lib/errors";
import { getInvoice } from "../invoices/get-invoice";
import { recordPaymentIn } from "../payments/record-payment-in";
import type { PaidEvent, PaymentProvider } from "./provider";

/**
 * "Pay now" in the portal: a Checkout Session for what is still due on one of my invoices.
 * `url: null` when the clinic takes no online payments (the button is hidden then anyway).
 */
export async function startCheckout(
  db: Db,
  actor: Actor,
  invoiceId: string,
  provider: PaymentProvider | null,
  origin: string,
): Promise<{ url: string | null }> {
  const clientId = requireClientId(actor);
  const inv = await getInvoice(db, actor, invoiceId);
  if (!provider) return { url: null };
  if (inv.kind !== "invoice" || (inv.status !== "issued" && inv.status !== "partly_paid")) {
    throw conflict("This invoice has nothing left to pay.");
  }
  return provider.createCheckout({
    clinicId: actor.clinicId,
    invoiceId,
    invoiceNumber: inv.number ?? "",
    clientId,
    currency: inv.currency,
    amountMinor: inv.balanceMinor,
    successUrl: `${origin}/portal/invoices/${invoiceId}?paid=1`,
    cancelUrl: `${origin}/portal/invoices/${invoiceId}`,
  });
}

/**
 * Applies a verified "paid" event: one payment per session (the provider retries webhooks,
 * so a replay finds the first by its provider_ref and changes nothing). The payment goes to
 * the invoice up to its balance; anything beyond (paid twice in two tabs) is account credit.
 */
export async function applyPaidEvent(db: Db, event: PaidEvent): Promise<"recorded" | "duplicate"> {
  const system = { clinicId: event.clinicId, userId: "" } as Actor;
  const seen = async () =>
    (
      await db
        .select({ id: payments.id })
        .from(payments)
        .where(and(eq(payments.clinicId, event.clinicId), eq(payments.providerRef, event.sessionId)))
    ).length > 0;
  if (await seen()) return "duplicate";
  try {
    await db.transaction(async (tx) => {
      const [inv] = await tx
        .select({ total: invoices.totalMinor, allocated: invoices.allocatedMinor, status: invoices.status })
        .from(invoices)
        .where(
          and(
            eq(invoices.clinicId, event.clinicId),
            eq(invoices.id, event.invoiceId),
            eq(invoices.clientId, event.clientId),
          ),
        );
      const open = inv && (inv.status === "issued" || inv.status === "partly_paid");
      const due = open ? inv.total - inv.allocated : 0;
      const paymentId = await recordPaymentIn(tx, system, {
        clientId: event.clientId,
        method: "online",
        amountMinor: event.amountMinor,
        reference: event.sessionId,
        providerRef: event.sessionId,
        allocations: due > 0 ? [{ invoiceId: event.invoiceId, amountMinor: Math.min(due, event.amountMinor) }] : [],
      });
      await recordEvent(
        tx,
        { clinicId: event.clinicId, userId: null },
        {
          action: "invoice.paid_online",
          entityType: "invoice",
          entityId: event.invoiceId,
          details: { clientId: event.clientId, paymentId, amountMinor: event.amountMinor },
        },
      );
    });
    return "recorded";
  } catch (err) {
    // Two deliveries at once: the unique provider_ref lets one through.
    if (sqlState(err) === "23505" && (await seen())) return "duplicate";
    throw err;
  }
}
