import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { getInvoice } from "./invoices/get-invoice";
import { giveBackAfterVoid, refuseVoidOfUsedPackage } from "./package-void";

/**
 * Voids an issued invoice nothing was paid on (a mistake caught at once): the number stays
 * used and the document stays, marked void. Once money or credit is applied, correct it with
 * a credit note instead.
 */
export async function voidInvoice(db: Db, actor: Actor, invoiceId: string, version: number, reason: string) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    const [inv] = await tx
      .select({
        status: invoices.status,
        kind: invoices.kind,
        version: invoices.version,
        allocated: invoices.allocatedMinor,
        clientId: invoices.clientId,
        appointmentId: invoices.appointmentId,
      })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)))
      .for("update");
    if (!inv) throw notFound("That invoice");
    if (inv.version !== version) throw conflict("Someone else changed this invoice. Reload to see their changes.");
    if (inv.status === "draft") throw conflict("A draft is deleted, not voided.");
    if (inv.status === "void") throw conflict("This invoice is already void.");
    if (inv.kind !== "invoice" || inv.allocated > 0) {
      throw conflict("Payments or credits are applied to this document: issue a credit note instead.");
    }
    await tx
      .update(invoices)
      .set({ status: "void", voidedAt: new Date(), voidReason: reason, version: version + 1, updatedAt: new Date() })
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, {
      action: "invoice.voided",
      entityType: "invoice",
      entityId: invoiceId,
      details: { clientId: inv.clientId },
    });
    // After the audit event, not before: a completion takes the audit chain's lock before the
    // package's, so taking them in the same order here cannot deadlock with it. A refusal rolls
    // the whole void back.
    await refuseVoidOfUsedPackage(tx, actor, invoiceId);
    await giveBackAfterVoid(tx, actor, inv.appointmentId);
  });
  return getInvoice(db, actor, invoiceId);
}
