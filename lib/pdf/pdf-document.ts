import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";

/**
 * Server-side PDFs with pdfkit (maintained, no browser needed) and an embedded Unicode font
 * (the DejaVu Sans kept in lib/pdf/fonts), so names and answers in any Latin, Greek or Cyrillic script print
 * as written instead of as missing glyphs of the built-in Helvetica.
 */
const FONT_DIR = path.join(process.cwd(), "lib", "pdf", "fonts");
export const FONTS = {
  regular: path.join(FONT_DIR, "DejaVuSans.ttf"),
  bold: path.join(FONT_DIR, "DejaVuSans-Bold.ttf"),
};

/** A new A4 document with the fonts registered; `finish()` ends it and resolves to the bytes. */
export function newPdf(info: { title: string; author: string }) {
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    font: FONTS.regular,
    info: { Title: info.title, Author: info.author },
  });
  doc.registerFont("regular", FONTS.regular);
  doc.registerFont("bold", FONTS.bold);
  doc.font("regular");
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  return { doc, finish: () => (doc.end(), done) };
}
