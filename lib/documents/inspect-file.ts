import "server-only";
import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { withoutMetadata, type PictureType } from "@/lib/images/without-metadata";
import { AppError, invalid } from "@/lib/errors";
import { ACCEPTED_TYPES_TEXT, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_MB } from "./schemas";

export interface Rendition {
  data: Buffer;
  contentType: "image/webp";
}

/** An accepted upload, ready to store: the bytes to keep and, for pictures, two renditions. */
export interface InspectedFile {
  data: Buffer;
  contentType: "application/pdf" | "image/jpeg" | "image/png" | "image/webp";
  /** The type the bytes were uploaded as (image/heic for a converted HEIC). */
  uploadedType: string;
  width: number | null;
  height: number | null;
  thumb: Rendition | null;
  preview: Rendition | null;
}

const STORED = new Set(["application/pdf", "image/jpeg", "image/png", "image/webp"]);
const HEIC = new Set(["image/heic", "image/heif", "image/heic-sequence", "image/heif-sequence"]);
// Rounded up, so a file just over the limit never reads as "10 MB; the limit is 10 MB".
const mb = (bytes: number) => Math.ceil((bytes / 1024 / 1024) * 10) / 10;

/**
 * Decodes, sizes and types an upload from its bytes (file-type reads the signature; the file
 * name and any declared type are never trusted), converts HEIC to JPEG (sharp's prebuilt
 * libvips has no HEVC decoder, heic-convert does), and makes the grid thumbnail and the preview.
 * Refusals are 400 (wrong or unreadable type) and 413 (too large), each naming the field.
 */
export async function inspectUpload(dataBase64: string): Promise<InspectedFile> {
  const raw = Buffer.from(dataBase64, "base64");
  if (raw.byteLength === 0) throw invalid("Choose a file.", { dataBase64: ["Choose a file."] });
  if (raw.byteLength > MAX_DOCUMENT_BYTES) {
    const message = `The file is ${mb(raw.byteLength)} MB; the largest accepted is ${MAX_DOCUMENT_MB} MB.`;
    throw new AppError("TOO_LARGE", message, { dataBase64: [message] });
  }
  const detected = await fileTypeFromBuffer(raw);
  const type = detected?.mime ?? "unknown";
  if (!STORED.has(type) && !HEIC.has(type)) {
    const what = detected ? `a ${detected.ext.toUpperCase()} file` : "not a file type we can recognise";
    const message = `This file is ${what}. Upload ${ACCEPTED_TYPES_TEXT}.`;
    throw invalid(message, { dataBase64: [message] });
  }
  if (type === "application/pdf")
    return {
      data: raw,
      contentType: "application/pdf",
      uploadedType: type,
      width: null,
      height: null,
      thumb: null,
      preview: null,
    };
  const decoded = HEIC.has(type) ? await heicToJpeg(raw) : raw;
  // PDFs returned above: what is left is a picture.
  const contentType: PictureType = HEIC.has(type) ? "image/jpeg" : (type as PictureType);
  try {
    const data = await withoutMetadata(decoded, contentType);
    const meta = await sharp(data).metadata();
    const [thumb, preview] = await Promise.all([rendition(data, 320), rendition(data, 1600)]);
    return { data, contentType, uploadedType: type, width: meta.width, height: meta.height, thumb, preview };
  } catch {
    const message = "The picture could not be read; it may be damaged. Try exporting it again.";
    throw invalid(message, { dataBase64: [message] });
  }
}

/** A WebP no larger than `size` on its longer side, upright and without metadata (no GPS). */
export async function rendition(data: Buffer, size: number): Promise<Rendition> {
  const out = await sharp(data)
    .rotate()
    .resize(size, size, { fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  return { data: out, contentType: "image/webp" };
}

async function heicToJpeg(raw: Buffer): Promise<Buffer> {
  try {
    // Loaded on demand: its HEVC decoder is large and only HEIC uploads need it.
    const { default: convert } = await import("heic-convert");
    return Buffer.from(await convert({ buffer: raw, format: "JPEG", quality: 0.9 }));
  } catch {
    const message = "The HEIC photo could not be converted; it may be damaged. Try exporting it as JPEG.";
    throw invalid(message, { dataBase64: [message] });
  }
}
