import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { queueDocumentEmail } from "./email-document";
import type { EmailedDocument } from "./email-schemas";

/** "Email to client" for the client's statement of account (see emailInvoice). */
export async function emailStatement(db: Db, actor: Actor, clientId: string): Promise<EmailedDocument> {
  assertCan(actor, "billing.manage");
  return db.transaction(async (tx) => {
    const queued = await queueDocumentEmail(tx, actor, { document: "statement", invoiceId: null, clientId });
    await recordEvent(tx, actor, {
      action: "statement.emailed",
      entityType: "client",
      entityId: clientId,
      details: { outboxId: queued.outboxId },
    });
    return queued;
  });
}
