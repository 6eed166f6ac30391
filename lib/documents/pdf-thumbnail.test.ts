import { and, eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientDocuments, jobs } from "@/db/schema";
import { actorFor, clientIdByName, freshDb, type TestDb } from "@/lib/testing/db";
import type { Actor } from "@/lib/identity/actor";
import { newPdf } from "@/lib/pdf/pdf-document";
import { getDocumentFile } from "./document-files/get-document-file";
import { listClientDocuments } from "./client-documents/list-client-documents";
import { makePdfThumbnail } from "./pdf-thumbnail";
import { renderPdfFirstPage } from "./pdf-first-page";
import { uploadDocument } from "./upload-document";

let t: TestDb;
let therapist: Actor;
let priya: string;

/** A referral letter made with the app's own PDF library: a heading and a dark block near the top. */
async function letterPdf(): Promise<Buffer> {
  const { doc, finish } = newPdf({ title: "Referral", author: "Dr Test" });
  doc.font("bold").fontSize(24).text("Referral letter");
  doc.rect(72, 200, 300, 150).fill("#223355");
  return finish();
}
const upload = (data: Buffer, title: string) =>
  uploadDocument(t.db, therapist, priya, {
    kind: "referral_letter",
    title,
    documentDate: "2026-11-01",
    fileName: "letter.pdf",
    dataBase64: data.toString("base64"),
  });

beforeAll(async () => {
  t = await freshDb();
  therapist = await actorFor(t.db, "therapist@demo.test");
  priya = await clientIdByName(t.db, "Priya", "Shah");
});
afterAll(() => t.close());

describe("a PDF's thumbnail", () => {
  it("is drawn from page 1 by the queued job and served like a picture's", async () => {
    const doc = await upload(await letterPdf(), "GP referral");
    expect(doc.hasThumbnail).toBe(false);
    const [job] = await t.db
      .select({ name: jobs.name, payload: jobs.payload })
      .from(jobs)
      .where(eq(jobs.name, "documents.pdf-thumbnail"));
    expect(job?.payload).toEqual({ clinicId: therapist.clinicId, documentId: doc.id });

    expect(await makePdfThumbnail(t.db, therapist.clinicId, doc.id)).toBe("thumbnail made");
    const listed = (await listClientDocuments(t.db, therapist, priya)).find((d) => d.id === doc.id)!;
    expect(listed.hasThumbnail).toBe(true);
    const thumb = await getDocumentFile(t.db, therapist, priya, doc.id, "thumb");
    expect(thumb.contentType).toBe("image/webp");
    const meta = await sharp(thumb.data).metadata();
    expect(meta.format).toBe("webp");
    // A4 is portrait: 320 px tall, about 226 wide.
    expect(meta.height).toBe(320);
    expect(meta.width).toBeGreaterThan(200);
    expect(meta.width).toBeLessThan(240);
    // Not blank: white paper with the dark block on it.
    const { channels } = await sharp(thumb.data).stats();
    expect(channels[0]!.min).toBeLessThan(80);
    expect(channels[0]!.max).toBeGreaterThan(240);
    // The original is still the PDF itself.
    expect((await getDocumentFile(t.db, therapist, priya, doc.id, "original")).contentType).toBe("application/pdf");
    // Run again (a retried job): nothing changes.
    expect(await makePdfThumbnail(t.db, therapist.clinicId, doc.id)).toMatch(/^skipped/);
  });

  it("a broken or hostile PDF gets no thumbnail, quickly, and nothing fails", async () => {
    const good = await letterPdf();
    // The signature that makes it a PDF, then garbage; and a real PDF cut in half.
    const broken = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(4096, 0x41)]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    for (const [i, data] of [broken, truncated].entries()) {
      const doc = await upload(data, `Broken ${i}`);
      const started = Date.now();
      expect(await makePdfThumbnail(t.db, therapist.clinicId, doc.id)).toBe(
        "no thumbnail: the PDF could not be rendered",
      );
      expect(Date.now() - started).toBeLessThan(25_000);
      const [row] = await t.db
        .select({ thumbKey: clientDocuments.thumbKey })
        .from(clientDocuments)
        .where(and(eq(clientDocuments.clinicId, therapist.clinicId), eq(clientDocuments.id, doc.id)));
      expect(row?.thumbKey).toBeNull();
      await expect(getDocumentFile(t.db, therapist, priya, doc.id, "thumb")).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
  });

  it("a render that runs out of time or memory is stopped, not waited for", async () => {
    const good = await letterPdf();
    expect(await renderPdfFirstPage(good, { size: 320, timeoutMs: 1, maxMemoryMb: 256 })).toBeNull();
    const png = await renderPdfFirstPage(good, { size: 100, timeoutMs: 20_000, maxMemoryMb: 256 });
    expect((await sharp(png!).metadata()).height).toBe(100);
  });

  it("leaves pictures alone: they have their thumbnails from the upload", async () => {
    const photo = await uploadDocument(t.db, therapist, priya, {
      kind: "other",
      title: "A picture",
      documentDate: "2026-11-01",
      fileName: "p.png",
      dataBase64: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
    });
    expect(await makePdfThumbnail(t.db, therapist.clinicId, photo.id)).toMatch(/^skipped/);
  });
});
