import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { allocations, invoices, payments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { applyAllocations, availableCredit, lockClient, lockOpenInvoices } from "../ledger";

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
