import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/db/client";
import { clientDocuments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { recordEvent } from "@/lib/audit/record-event";
import { invalid } from "@/lib/errors";
import { putFile, storage, type ObjectStore, type StoredFile } from "@/lib/storage";
import { inspectUpload } from "./inspect-file";
import { getDocumentOrThrow } from "./queries";
import { pdfThumbnailJob } from "./pdf-thumbnail";
import { enqueue } from "@/lib/jobs/enqueue";
import { wakeInProcessWorker } from "@/lib/jobs/in-process";
import type { DocumentDto, UploadDocumentBody } from "./schemas";

const EXT: Record<string, string> = {
  "application/pdf": "pdf",
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
};

/** Keys the app makes up: clinic, client and document ids only, never the uploaded name. */
export const documentKey = (clinicId: string, clientId: string, id: string, name: string) =>
  `clinics/${clinicId}/clients/${clientId}/documents/${id}/${name}`;

/**
 * Adds a document to the client's record. The bytes are checked (type from the signature,
 * size, readable picture) before anything is written; the files go to storage first and the
 * row, with its audit event, in one transaction after — if that fails, the files are removed,
 * so a refused upload leaves nothing behind.
 */
export async function uploadDocument(
  db: Db,
  actor: Actor,
  clientId: string,
  input: UploadDocumentBody,
  store: ObjectStore = storage(),
): Promise<DocumentDto> {
  assertCan(actor, "clinical.write");
  await getClientOrThrow(db, actor, clientId);
  const file = await inspectUpload(input.dataBase64);
  if (input.kind === "posture_photo" && file.contentType === "application/pdf") {
    const message = "A posture photo must be a picture (JPEG, PNG, WebP or HEIC), not a PDF.";
    throw invalid(message, { dataBase64: [message] });
  }
  const id = randomUUID();
  const key = (name: string) => documentKey(actor.clinicId, clientId, id, name);
  const written: StoredFile[] = [];
  try {
    written.push(await putFile(store, key(`original.${EXT[file.contentType]}`), file.data, file.contentType));
    const thumb = file.thumb && (await putFile(store, key("thumb.webp"), file.thumb.data, "image/webp"));
    if (thumb) written.push(thumb);
    const preview = file.preview && (await putFile(store, key("preview.webp"), file.preview.data, "image/webp"));
    if (preview) written.push(preview);
    await db.transaction(async (tx) => {
      await getClientOrThrow(tx, actor, clientId);
      await tx.insert(clientDocuments).values({
        clinicId: actor.clinicId,
        id,
        clientId,
        kind: input.kind,
        title: input.title,
        fileName: input.fileName,
        contentType: file.contentType,
        uploadedType: file.uploadedType,
        byteSize: written[0]!.byteSize,
        sha256: written[0]!.sha256,
        storageKey: written[0]!.key,
        thumbKey: thumb?.key ?? null,
        thumbSha256: thumb?.sha256 ?? null,
        previewKey: preview?.key ?? null,
        previewSha256: preview?.sha256 ?? null,
        width: file.width,
        height: file.height,
        documentDate: input.documentDate,
        view: input.kind === "posture_photo" ? (input.view ?? null) : null,
        tags: input.tags ?? [],
        sharedWithClientAt: input.sharedWithClient ? new Date() : null,
        uploadedBy: actor.userId,
      });
      await recordEvent(tx, actor, {
        action: "document.uploaded",
        entityType: "client_document",
        entityId: id,
        clientId,
        details: { kind: input.kind, contentType: file.contentType, byteSize: written[0]!.byteSize },
      });
      // A PDF's thumbnail is drawn by the queue (pdf-thumbnail.ts); the tile shows a PDF mark until then.
      if (file.contentType === "application/pdf")
        await enqueue(tx, pdfThumbnailJob, { clinicId: actor.clinicId, documentId: id }, { clinicId: actor.clinicId });
    });
    if (file.contentType === "application/pdf") wakeInProcessWorker();
  } catch (err) {
    await Promise.all(written.map((f) => store.delete(f.key).catch(() => undefined)));
    throw err;
  }
  return getDocumentOrThrow(db, actor, clientId, id);
}
