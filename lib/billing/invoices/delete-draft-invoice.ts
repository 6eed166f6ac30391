import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invoices } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { replaceDraftLines } from "../invoice-lines";
import { lockDraft } from "./lookups";

/** Only a draft is ever deleted (the trigger refuses the rest). */
export async function deleteDraftInvoice(db: Db, actor: Actor, invoiceId: string, version?: number) {
  assertCan(actor, "billing.manage");
  await db.transaction(async (tx) => {
    await lockDraft(tx, actor, invoiceId, version);
    await replaceDraftLines(tx, actor, invoiceId, []);
    await tx.delete(invoices).where(and(clinicScope(actor, invoices), eq(invoices.id, invoiceId)));
    await recordEvent(tx, actor, { action: "invoice.draft_deleted", entityType: "invoice", entityId: invoiceId });
  });
}
