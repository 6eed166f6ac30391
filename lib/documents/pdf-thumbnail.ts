import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { clientDocuments } from "@/db/schema";
import { defineJob } from "@/lib/jobs/define";
import { putFile, readFile, storage, type ObjectStore } from "@/lib/storage";
import { rendition } from "./inspect-file";
import { DEFAULT_RENDER_LIMITS, renderPdfFirstPage, type RenderLimits } from "./pdf-first-page";

/**
 * Gives an uploaded PDF (a referral letter, an imaging report) the grid thumbnail a picture gets
 * at upload: page 1, as a WebP of at most 320 px, stored beside the original. Run by the queue,
 * not the upload request, because rendering is slow and the file is untrusted. A PDF that cannot
 * be rendered keeps no thumbnail and the Documents tab shows its PDF mark instead; that is an
 * answer, not a failure, so it is not retried. Idempotent: a document that has one is left alone.
 */
export async function makePdfThumbnail(
  db: Db,
  clinicId: string,
  documentId: string,
  store: ObjectStore = storage(),
  limits: RenderLimits = DEFAULT_RENDER_LIMITS,
): Promise<string> {
  const [doc] = await db
    .select({
      storageKey: clientDocuments.storageKey,
      sha256: clientDocuments.sha256,
      contentType: clientDocuments.contentType,
      thumbKey: clientDocuments.thumbKey,
    })
    .from(clientDocuments)
    .where(
      and(
        eq(clientDocuments.clinicId, clinicId),
        eq(clientDocuments.id, documentId),
        isNull(clientDocuments.deletedAt),
      ),
    );
  if (!doc || doc.thumbKey || doc.contentType !== "application/pdf") return "skipped: no PDF without a thumbnail";
  const pdf = await readFile(store, { key: doc.storageKey, sha256: doc.sha256 });
  if (!pdf) return "skipped: the file is missing from storage";
  const png = await renderPdfFirstPage(pdf, limits);
  const thumb = png && (await rendition(png, 320).catch(() => null));
  if (!thumb) return "no thumbnail: the PDF could not be rendered";
  // Beside the original, under the key the app made for it (never a name from the upload).
  const file = await putFile(store, doc.storageKey.replace(/[^/]+$/, "thumb.webp"), thumb.data, "image/webp");
  await db
    .update(clientDocuments)
    .set({ thumbKey: file.key, thumbSha256: file.sha256 })
    .where(
      and(eq(clientDocuments.clinicId, clinicId), eq(clientDocuments.id, documentId), isNull(clientDocuments.thumbKey)),
    );
  return "thumbnail made";
}

export const pdfThumbnailJob = defineJob({
  name: "documents.pdf-thumbnail",
  payload: z.object({ clinicId: z.uuid(), documentId: z.uuid() }),
  maxAttempts: 3,
  // The renderer stops itself after 20 s; this leaves room for storage on either side.
  timeoutMs: 60_000,
  run: (db, p) => makePdfThumbnail(db, p.clinicId, p.documentId),
});
