import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { allocations, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { applyAllocations, availableCredit, lockClient, lockOpenInvoices, planAllocations } from "./ledger";
import { loadBillingSettings } from "./settings/load-billing-settings";
import { formatMoney } from "./rules/money";
import type { PaymentMethod } from "./rules/constants";
import type { PaymentDto, paymentBody, refundBody } from "./payment-schemas";

export async function getPayment(db: Db, actor: Actor, paymentId: string): Promise<PaymentDto> {
  assertCan(actor, "billing.manage");
  const [p] = await db
    .select({
      id: payments.id,
      clientId: payments.clientId,
      kind: payments.kind,
      method: payments.method,
      amountMinor: payments.amountMinor,
      currency: payments.currency,
      receivedAt: payments.receivedAt,
      reference: payments.reference,
      allocatedMinor: sql<string>`coalesce((select sum(a.amount_minor) from ${allocations} a where a.clinic_id = payments.clinic_id and a.payment_id = payments.id), 0)`,
    })
    .from(payments)
    .where(and(clinicScope(actor, payments), eq(payments.id, paymentId)));
  if (!p) throw notFound("That payment");
  return { ...p, receivedAt: p.receivedAt.toISOString(), allocatedMinor: Number(p.allocatedMinor) };
}

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

export async function recordPayment(db: Db, actor: Actor, input: z.output<typeof paymentBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction((tx) =>
    recordPaymentIn(tx, actor, {
      ...input,
      method: input.method as PaymentMethod,
      receivedAt: input.receivedAt ? new Date(input.receivedAt) : undefined,
    }),
  );
  return getPayment(db, actor, id);
}

/**
 * Pays money back out of the client's account credit. Money applied to an invoice is not on
 * account: credit the invoice first (a credit note), then refund.
 */
export async function refundPayment(db: Db, actor: Actor, input: z.output<typeof refundBody>) {
  assertCan(actor, "billing.manage");
  const id = await db.transaction(async (tx) => {
    await lockClient(tx, actor, input.clientId);
    const settings = await loadBillingSettings(tx, actor.clinicId);
    const credit = await availableCredit(tx, actor, input.clientId);
    if (input.amountMinor > credit.totalMinor) {
      const onAccount = formatMoney(Math.max(credit.totalMinor, 0), settings.currency, actor.clinicLocale);
      throw conflict(
        `Only ${onAccount} is on this client's account. To refund a paid invoice, issue a credit note for it first.`,
        { availableMinor: credit.totalMinor },
      );
    }
    const [row] = await tx
      .insert(payments)
      .values({
        clinicId: actor.clinicId,
        clientId: input.clientId,
        kind: "refund",
        method: input.method,
        amountMinor: input.amountMinor,
        currency: settings.currency,
        reference: input.reference,
        createdBy: actor.userId,
      })
      .returning({ id: payments.id });
    await recordEvent(tx, actor, {
      action: "payment.refunded",
      entityType: "payment",
      entityId: row!.id,
      details: { clientId: input.clientId, method: input.method, amountMinor: input.amountMinor },
    });
    return row!.id;
  });
  return getPayment(db, actor, id);
}

/**
 * Applies the client's account credit (unapplied payments first, then credit notes, oldest
 * first) to one open invoice, up to its balance.
 */
export async function applyCreditToInvoice(db: Db, actor: Actor, invoiceId: string) {
  assertCan(actor, "billing.manage");
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({ clientId: invoices.clientId })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    if (!target) throw notFound("That invoice");
    await lockClient(tx, actor, target.clientId);
    const [inv] = await lockOpenInvoices(tx, actor, target.clientId, [invoiceId]);
    if (!inv) throw conflict("Only an issued, unpaid invoice takes credit.");
    let due = inv.total - inv.allocated;
    const sources = await tx
      .select({
        id: payments.id,
        left: sql<string>`${payments.amountMinor} - coalesce((select sum(a.amount_minor) from ${allocations} a where a.clinic_id = payments.clinic_id and a.payment_id = payments.id), 0)`,
      })
      .from(payments)
      .where(and(clinicScope(actor, payments), eq(payments.clientId, target.clientId), eq(payments.kind, "payment")))
      .orderBy(asc(payments.receivedAt));
    const credit = await availableCredit(tx, actor, target.clientId);
    // Refunds come out of cash credit: never apply more cash than is really still on account.
    let cash = Math.max(credit.cashMinor, 0);
    let applied = 0;
    for (const s of sources) {
      const take = Math.min(Number(s.left), due, cash);
      if (take <= 0) continue;
      await applyAllocations(tx, actor, { paymentId: s.id }, [{ invoiceId, amountMinor: take }]);
      due -= take;
      cash -= take;
      applied += take;
    }
    const notes = await tx
      .select({ id: invoices.id, left: sql<number>`${invoices.totalMinor} - ${invoices.allocatedMinor}` })
      .from(invoices)
      .where(
        and(
          clinicScope(actor, invoices),
          eq(invoices.clientId, target.clientId),
          eq(invoices.kind, "credit_note"),
          inArray(invoices.status, ["issued"]),
        ),
      )
      .orderBy(asc(invoices.issuedAt));
    for (const n of notes) {
      const take = Math.min(Number(n.left), due);
      if (take <= 0) continue;
      await applyAllocations(tx, actor, { creditNoteId: n.id }, [{ invoiceId, amountMinor: take }]);
      due -= take;
      applied += take;
    }
    if (applied === 0) throw conflict("This client has no credit on account.");
    await recordEvent(tx, actor, {
      action: "invoice.credit_applied",
      entityType: "invoice",
      entityId: invoiceId,
      details: { clientId: target.clientId, amountMinor: applied },
    });
    return { appliedMinor: applied };
  });
}
