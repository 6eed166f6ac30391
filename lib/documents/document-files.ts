import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clientDocuments, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordRead } from "@/lib/audit/record-read";
import { AppError, notFound } from "@/lib/errors";
import { readFile, storage, type ObjectStore } from "@/lib/storage";
import { documentColumns, documentFiles, toDocumentDto } from "./queries";

export type Variant = "original" | "preview" | "thumb";

export interface DocumentFile {
  data: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
}

async function load(
  store: ObjectStore,
  files: Awaited<ReturnType<typeof documentFiles>>,
  variant: Variant,
): Promise<DocumentFile> {
  // A PDF has no renditions: its preview is the document itself.
  const pick =
    variant === "thumb" && files.thumbKey
      ? { key: files.thumbKey, sha256: files.thumbSha256!, contentType: "image/webp" }
      : variant === "preview" && files.previewKey
        ? { key: files.previewKey, sha256: files.previewSha256!, contentType: "image/webp" }
        : variant === "thumb"
          ? null
          : { key: files.storageKey, sha256: files.sha256, contentType: files.contentType };
  if (!pick) throw notFound("That thumbnail");
  const data = await readFile(store, pick);
  if (!data) throw new AppError("NOT_FOUND", "The file of this document is missing from storage.");
  return { data, contentType: pick.contentType, fileName: files.fileName, sha256: pick.sha256 };
}

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
  return load(store, await documentFiles(db, actor, clientId, documentId), variant);
}

/** The documents the clinic shared with the signed-in client, newest first. */
export async function listMyDocuments(db: Db, actor: Actor) {
  assertCan(actor, "portal.self");
  if (!actor.clientId) return [];
  const rows = await db
    .select(documentColumns)
    .from(clientDocuments)
    .innerJoin(users, eq(users.id, clientDocuments.uploadedBy))
    .where(
      and(
        clinicScope(actor, clientDocuments),
        eq(clientDocuments.clientId, actor.clientId),
        isNull(clientDocuments.deletedAt),
        isNotNull(clientDocuments.sharedWithClientAt),
      ),
    )
    .orderBy(desc(clientDocuments.documentDate), desc(clientDocuments.uploadedAt))
    .limit(200);
  return rows.map(toDocumentDto).map((d) => ({
    id: d.id,
    kind: d.kind,
    title: d.title,
    contentType: d.contentType,
    byteSize: d.byteSize,
    hasThumbnail: d.hasThumbnail,
    documentDate: d.documentDate,
    view: d.view,
  }));
}

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
  const file = await load(store, files, variant);
  if (variant !== "thumb")
    await recordRead(db, actor, {
      kind: "document",
      clientId: actor.clientId,
      entityType: "client_document",
      entityId: documentId,
    });
  return file;
}

/** The HTTP answer for a file: private, never sniffed, inline unless a download was asked for. */
export function fileResponse(file: DocumentFile, download: boolean, req: Request): Response {
  const etag = `"${file.sha256}"`;
  const headers: Record<string, string> = {
    "content-type": file.contentType,
    "cache-control": "private, no-cache",
    etag,
    "x-content-type-options": "nosniff",
    // A PDF opened inline runs in the browser's viewer, never as a page of our origin.
    "content-security-policy": "sandbox",
    "content-disposition": `${download ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
  };
  if (req.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.data), {
    headers: { ...headers, "content-length": String(file.data.byteLength) },
  });
}
