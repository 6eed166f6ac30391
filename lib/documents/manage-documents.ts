import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { documentColumns, getDocumentOrThrow, toDocumentDto } from "./queries";
import type { DocumentDto, UpdateDocumentBody } from "./schemas";

/** The client's documents, newest first (by the document's own date, then upload). */
export async function listClientDocuments(db: Db, actor: Actor, clientId: string): Promise<DocumentDto[]> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const rows = await db
    .select(documentColumns)
    .from(clientDocuments)
    .innerJoin(users, eq(users.id, clientDocuments.uploadedBy))
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, clientId),
        isNull(clientDocuments.deletedAt),
      ),
    )
    .orderBy(desc(clientDocuments.documentDate), desc(clientDocuments.uploadedAt))
    .limit(500);
  return rows.map(toDocumentDto);
}

/** Title, kind, date, view, tags and sharing; the version guards against a concurrent edit (409). */
export async function updateDocument(
  db: Db,
  actor: Actor,
  clientId: string,
  documentId: string,
  input: UpdateDocumentBody,
): Promise<DocumentDto> {
  assertCan(actor, "clinical.write");
  await db.transaction(async (tx) => {
    const current = await getDocumentOrThrow(tx, actor, clientId, documentId);
    const kind = input.kind ?? current.kind;
    const view = input.view !== undefined ? input.view : current.view;
    const sharing =
      input.sharedWithClient === undefined || input.sharedWithClient === current.sharedWithClient
        ? {}
        : { sharedWithClientAt: input.sharedWithClient ? new Date() : null };
    const updated = await tx
      .update(clientDocuments)
      .set({
        ...(input.title !== undefined && { title: input.title }),
        ...(input.documentDate !== undefined && { documentDate: input.documentDate }),
        ...(input.tags !== undefined && { tags: input.tags }),
        ...sharing,
        kind,
        // Only posture photos have a view; changing the kind away from photo clears it.
        view: kind === "posture_photo" ? view : null,
        version: sql`${clientDocuments.version} + 1`,
      })
      .where(
        and(
          clinicScope(actor, clientDocuments),
          eq(clientDocuments.id, documentId),
          eq(clientDocuments.version, input.version),
        ),
      )
      .returning({ id: clientDocuments.id });
    if (!updated.length)
      throw conflict("Someone changed this document since you opened it. Reload to see their changes.", {
        currentVersion: current.version,
      });
    const changed = Object.keys(input).filter((k) => k !== "version");
    await recordEvent(tx, actor, {
      action:
        "sharedWithClientAt" in sharing
          ? input.sharedWithClient
            ? "document.shared"
            : "document.unshared"
          : "document.updated",
      entityType: "client_document",
      entityId: documentId,
      clientId,
      details: { fields: changed },
    });
  });
  return getDocumentOrThrow(db, actor, clientId, documentId);
}

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
