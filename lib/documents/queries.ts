import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import type { DocumentDto } from "./schemas";

/** The columns a DTO needs, with the uploader's name (explicit: never the storage keys). */
export const documentColumns = {
  id: clientDocuments.id,
  clientId: clientDocuments.clientId,
  kind: clientDocuments.kind,
  title: clientDocuments.title,
  fileName: clientDocuments.fileName,
  contentType: clientDocuments.contentType,
  byteSize: clientDocuments.byteSize,
  sha256: clientDocuments.sha256,
  width: clientDocuments.width,
  height: clientDocuments.height,
  thumbKey: clientDocuments.thumbKey,
  documentDate: clientDocuments.documentDate,
  view: clientDocuments.view,
  tags: clientDocuments.tags,
  sharedWithClientAt: clientDocuments.sharedWithClientAt,
  uploadedAt: clientDocuments.uploadedAt,
  uploadedByName: users.name,
  version: clientDocuments.version,
};

interface Row extends Omit<DocumentDto, "kind" | "view" | "hasThumbnail" | "sharedWithClient" | "uploadedAt"> {
  kind: string;
  view: string | null;
  thumbKey: string | null;
  sharedWithClientAt: Date | null;
  uploadedAt: Date;
}

export function toDocumentDto(row: Row): DocumentDto {
  const { thumbKey, sharedWithClientAt, uploadedAt, ...rest } = row;
  return {
    ...rest,
    kind: rest.kind as DocumentDto["kind"],
    view: rest.view as DocumentDto["view"],
    hasThumbnail: thumbKey !== null,
    sharedWithClient: sharedWithClientAt !== null,
    uploadedAt: uploadedAt.toISOString(),
  };
}

/**
 * One live document of the client in the actor's clinic, else NOT_FOUND (also for another
 * clinic's or another client's document, so existence never leaks).
 */
export async function getDocumentOrThrow(db: Db, actor: Actor, clientId: string, documentId: string) {
  const [row] = await db
    .select(documentColumns)
    .from(clientDocuments)
    .innerJoin(users, eq(users.id, clientDocuments.uploadedBy))
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, clientId),
        eq(clientDocuments.id, documentId),
        isNull(clientDocuments.deletedAt),
      ),
    );
  if (!row) throw notFound("That document");
  return toDocumentDto(row);
}

/** The storage keys and hashes of a document's files (server-side only, never in a DTO). */
export async function documentFiles(db: Db, actor: Actor, clientId: string, documentId: string) {
  const [row] = await db
    .select({
      fileName: clientDocuments.fileName,
      contentType: clientDocuments.contentType,
      storageKey: clientDocuments.storageKey,
      sha256: clientDocuments.sha256,
      thumbKey: clientDocuments.thumbKey,
      thumbSha256: clientDocuments.thumbSha256,
      previewKey: clientDocuments.previewKey,
      previewSha256: clientDocuments.previewSha256,
      sharedWithClientAt: clientDocuments.sharedWithClientAt,
    })
    .from(clientDocuments)
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, clientId),
        eq(clientDocuments.id, documentId),
        isNull(clientDocuments.deletedAt),
      ),
    );
  if (!row) throw notFound("That document");
  return row;
}
