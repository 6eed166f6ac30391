import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";
import { queueDocumentEmail } from "./email-document";
import type { EmailedDocument } from "./email-schemas";

/**
 * "Email to client" for an issued invoice, credit note or receipt: the job that renders the PDF
 * and writes the email is queued in this transaction, with the audit event. 409 for a draft
 * (it has no number yet) or a void document, and when the client has no address.
 */
export async function emailInvoice(db: Db, actor: Actor, invoiceId: string): Promise<EmailedDocument> {
  assertCan(actor, "billing.manage");
  return db.transaction(async (tx) => {
    const [inv] = await tx
      .select({ status: invoices.status, clientId: invoices.clientId, number: invoices.displayNumber })
      .from(invoices)
      .where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    if (!inv) throw notFound("That invoice");
    if (inv.status === "draft") throw conflict("Issue the invoice before emailing it: a draft has no number yet.");
    if (inv.status === "void") throw conflict("This invoice is void: there is nothing to send.");
    const queued = await queueDocumentEmail(tx, actor, { document: "invoice", invoiceId, clientId: inv.clientId });
    await recordEvent(tx, actor, {
      action: "invoice.emailed",
      entityType: "invoice",
      entityId: invoiceId,
      details: { clientId: inv.clientId, number: inv.number, outboxId: queued.outboxId },
    });
    return queued;
  });
}
