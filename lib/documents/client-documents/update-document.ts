import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict } from "@/lib/errors";
import { getDocumentOrThrow } from "../queries";
import type { DocumentDto, UpdateDocumentBody } from "../schemas";

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
