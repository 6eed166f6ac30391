import "server-only";
import { AppError, notFound } from "@/lib/errors";
import { readFile, type ObjectStore } from "@/lib/storage";
import type { documentFiles } from "../queries";

export type Variant = "original" | "preview" | "thumb";

export interface DocumentFile {
  data: Buffer;
  contentType: string;
  fileName: string;
  sha256: string;
}

/** One variant of a document, read from storage and checked against its recorded hash. */
export async function loadDocumentFile(
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
