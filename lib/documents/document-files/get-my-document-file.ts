import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { recordRead } from "@/lib/audit/record-read";
import { notFound } from "@/lib/errors";
import { storage, type ObjectStore } from "@/lib/storage";
import { documentFiles } from "../queries";
import { loadDocumentFile, type DocumentFile, type Variant } from "./file-bytes";

/**
 * A shared document's bytes for the client it belongs to. Anything not shared with them (not
 * shared yet, another client's, another clinic's) is NOT_FOUND. Opening one is recorded like
 * any read of the record, so the clinic's trail shows the client downloaded it.
 */
export async function getMyDocumentFile(
  db: Db,
  actor: Actor,
  documentId: string,
  variant: Variant,
  store: ObjectStore = storage(),
): Promise<DocumentFile> {
  assertCan(actor, "portal.self");
  if (!actor.clientId) throw notFound("That document");
  const files = await documentFiles(db, actor, actor.clientId, documentId);
  if (!files.sharedWithClientAt) throw notFound("That document");
  const file = await loadDocumentFile(store, files, variant);
  if (variant !== "thumb")
    await recordRead(db, actor, {
      kind: "document",
      clientId: actor.clientId,
      entityType: "client_document",
      entityId: documentId,
    });
  return file;
}
