import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { getDocumentOrThrow } from "../queries";

/**
 * Removes a document from the record (soft delete: the row and file stay for the legal
 * record-keeping period; nobody reads them through the app any more).
 */
export async function deleteDocument(db: Db, actor: Actor, clientId: string, documentId: string): Promise<void> {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    await getDocumentOrThrow(tx, actor, clientId, documentId);
    await tx
      .update(clientDocuments)
      .set({ deletedAt: new Date(), sharedWithClientAt: null })
      .where(and(clinicScope(actor, clientDocuments), eq(clientDocuments.id, documentId)));
    await recordEvent(tx, actor, {
      action: "document.deleted",
      entityType: "client_document",
      entityId: documentId,
      clientId,
    });
  });
}
