import { z } from "zod";
import { DOCUMENT_KINDS, PHOTO_VIEWS } from "./kinds";
import { isoDate } from "@/lib/http/primitives";

export { DOCUMENT_KINDS, PHOTO_VIEWS };
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
export type PhotoView = (typeof PHOTO_VIEWS)[number];

/** Largest file a client document may be (after base64 decoding). */
export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const MAX_DOCUMENT_MB = MAX_DOCUMENT_BYTES / 1024 / 1024;
/**
 * The JSON body may carry half as much again as the limit, so a file somewhat over it reaches
 * the use-case and gets "the file is 12.4 MB; the limit is 10 MB" rather than the route
 * wrapper's generic "request body too large".
 */
export const MAX_DOCUMENT_BODY_BYTES = Math.ceil((MAX_DOCUMENT_BYTES * 3) / 2 / 3) * 4 + 64 * 1024;

export const ACCEPTED_TYPES_TEXT = "a PDF, JPEG, PNG, WebP or HEIC file";

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  posture_photo: "Posture photo",
  referral_letter: "Referral letter",
  imaging_report: "Imaging report",
  other: "Other",
};
export const PHOTO_VIEW_LABELS: Record<PhotoView, string> = {
  front: "Front",
  back: "Back",
  left: "Left side",
  right: "Right side",
};

const tag = z
  .string()
  .trim()
  .min(1, "A tag cannot be empty.")
  .max(40, "Keep each tag under 40 characters.")
  .transform((t) => t.toLowerCase());
const tags = z
  .array(tag)
  .max(20, "At most 20 tags.")
  .transform((list) => [...new Set(list)]);

const documentFields = z.object({
  kind: z.enum(DOCUMENT_KINDS, "Choose what kind of document this is."),
  title: z.string().trim().min(1, "Give the document a title.").max(200, "Keep the title under 200 characters."),
  documentDate: isoDate(),
  view: z.enum(PHOTO_VIEWS, "Choose front, back, left or right.").nullable().optional(),
  tags: tags.optional(),
  sharedWithClient: z.boolean().optional(),
});

function viewOnlyForPhotos(v: { kind?: DocumentKind; view?: PhotoView | null }, ctx: z.RefinementCtx) {
  if (v.view && v.kind && v.kind !== "posture_photo")
    ctx.addIssue({ code: "custom", path: ["view"], message: "Only posture photos have a view." });
}

/** An upload: the JSON API carries the file as base64; type and size are checked on the bytes. */
export const uploadDocumentBody = documentFields
  .extend({
    fileName: z.string().trim().min(1, "The file needs a name.").max(255, "The file name is too long."),
    dataBase64: z
      .string()
      .min(1, "Choose a file.")
      .regex(/^[A-Za-z0-9+/]+={0,2}$/, "The file data is not valid base64."),
  })
  .superRefine(viewOnlyForPhotos);
export type UploadDocumentBody = z.output<typeof uploadDocumentBody>;

/** Tags, title, date, view and sharing change; `version` is what the editor saw (409 otherwise). */
export const updateDocumentBody = documentFields
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine(viewOnlyForPhotos);
export type UpdateDocumentBody = z.output<typeof updateDocumentBody>;

export const clientDocumentParams = z.object({ documentId: z.uuid(), clientId: z.uuid() });
export const portalDocumentParams = z.object({ documentId: z.uuid() });

export const documentFileQuery = z.object({
  /** `thumb` (grid, ≤ 320 px): pictures, and PDFs once their page 1 is drawn; `preview` (≤ 1600 px): pictures (a PDF's is itself). */
  variant: z.enum(["original", "preview", "thumb"]).default("original"),
  download: z.stringbool().optional(),
});

export const documentDto = z
  .object({
    id: z.uuid(),
    clientId: z.uuid(),
    kind: z.enum(DOCUMENT_KINDS),
    title: z.string(),
    fileName: z.string(),
    contentType: z.string(),
    byteSize: z.number().int(),
    sha256: z.string(),
    width: z.number().int().nullable(),
    height: z.number().int().nullable(),
    hasThumbnail: z.boolean(),
    documentDate: z.string(),
    view: z.enum(PHOTO_VIEWS).nullable(),
    tags: z.array(z.string()),
    sharedWithClient: z.boolean(),
    uploadedAt: z.string(),
    uploadedByName: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ClientDocument" });
export type DocumentDto = z.infer<typeof documentDto>;

export const documentListDto = z.object({ documents: z.array(documentDto) });

/** What the client sees of a document shared with them: no uploader, no tags. */
export const portalDocumentDto = documentDto.pick({
  id: true,
  kind: true,
  title: true,
  contentType: true,
  byteSize: true,
  hasThumbnail: true,
  documentDate: true,
  view: true,
});
export const portalDocumentListDto = z.object({ documents: z.array(portalDocumentDto) });
