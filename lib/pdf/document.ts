import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";

/*
 * Server-side PDFs (receipts, statements; forms can reuse this). pdfkit is maintained, pure
 * JavaScript (no headless browser on a 2-core server), and subsets embedded fonts.
 *
 * pdfkit's built-in Helvetica only covers WinAnsi: "Łukasz" would print as garbage. We embed
 * DejaVu Sans (free licence, lib/pdf/fonts/LICENSE), which covers Latin, Greek and Cyrillic.
 */

const FONT_DIR = path.join(process.cwd(), "lib", "pdf", "fonts");
export const FONT = { regular: "Body", bold: "Bold" } as const;

export type Pdf = PDFKit.PDFDocument;

export interface PdfMeta {
  title: string;
  author?: string;
}

/** A4 with the Unicode fonts registered under FONT.regular and FONT.bold. */
export function newPdf(meta: PdfMeta): Pdf {
  const doc = new PDFDocument({
    size: "A4",
    margin: 50,
    info: { Title: meta.title, Author: meta.author ?? "Knotwork", Producer: "Knotwork" },
    pdfVersion: "1.7",
  });
  doc.registerFont(FONT.regular, path.join(FONT_DIR, "DejaVuSans.ttf"));
  doc.registerFont(FONT.bold, path.join(FONT_DIR, "DejaVuSans-Bold.ttf"));
  doc.font(FONT.regular);
  return doc;
}

/** Ends the document and collects it into one Buffer. */
export function finishPdf(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}

/** A PDF download: attachment or inline, never cached by shared caches (it names a person). */
export function pdfResponse(body: Buffer, filename: string, disposition: "attachment" | "inline" = "attachment") {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `${disposition}; filename="${safe}"`,
      "cache-control": "private, no-store",
    },
  });
}

export interface Column {
  label: string;
  width: number;
  align?: "left" | "right";
}

/** One table row at the cursor; returns the row's height. Long text wraps within its column. */
export function tableRow(doc: Pdf, columns: readonly Column[], cells: readonly string[], bold = false): number {
  const x0 = doc.page.margins.left;
  const y = doc.y;
  doc.font(bold ? FONT.bold : FONT.regular);
  let x = x0;
  let height = 0;
  columns.forEach((c, i) => {
    const text = cells[i] ?? "";
    const h = doc.heightOfString(text, { width: c.width - 6 });
    doc.text(text, x, y, { width: c.width - 6, align: c.align ?? "left" });
    height = Math.max(height, h);
    x += c.width;
  });
  doc.font(FONT.regular);
  doc.x = x0;
  doc.y = y + height + 4;
  if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
  return height;
}

/** A thin rule across the text width. */
export function rule(doc: Pdf) {
  const left = doc.page.margins.left;
  const right = doc.page.width - doc.page.margins.right;
  doc.moveTo(left, doc.y).lineTo(right, doc.y).lineWidth(0.5).strokeColor("#999999").stroke();
  doc.moveDown(0.4);
}
