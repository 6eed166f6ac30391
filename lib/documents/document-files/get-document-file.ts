import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { storage, type ObjectStore } from "@/lib/storage";
import { documentFiles } from "../queries";
import { loadDocumentFile, type DocumentFile, type Variant } from "./file-bytes";

/**
 * A document's bytes for staff. Audited by the operation (auditRead), except the grid
 * thumbnail, which is part of the audited list: one event per opened document, not per tile.
 */
export async function getDocumentFile(
  db: Db,
  actor: Actor,
  clientId: string,
  documentId: string,
  variant: Variant,
  store: ObjectStore = storage(),
): Promise<DocumentFile> {
  assertCan(actor, "clinical.read");
  return loadDocumentFile(store, await documentFiles(db, actor, clientId, documentId), variant);
}
