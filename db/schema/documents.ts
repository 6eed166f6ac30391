import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  integer,
  primaryKey,
  foreignKey,
  index,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { DOCUMENT_KINDS, PHOTO_VIEWS, STORED_DOCUMENT_TYPES } from "../../lib/documents/kinds";

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/**
 * A file kept with a client's record: posture photos, referral letters, imaging reports.
 * The bytes are in lib/storage under `storage_key`; the row keeps what proves them (hash,
 * size, type) and the smaller renditions made for the Documents tab. Soft-deleted only.
 */
export const clientDocuments = pgTable(
  "client_documents",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    /** The name the file had on the uploader's device: shown, never used as a storage key. */
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    /** What was uploaded when it differs (HEIC is converted to JPEG on the way in). */
    uploadedType: text("uploaded_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    storageKey: text("storage_key").notNull(),
    /** A small WebP for the grid and a larger one for the preview (images only). */
    thumbKey: text("thumb_key"),
    thumbSha256: text("thumb_sha256"),
    previewKey: text("preview_key"),
    previewSha256: text("preview_sha256"),
    width: integer("width"),
    height: integer("height"),
    /** The day the photo was taken or the letter written (not the upload). */
    documentDate: date("document_date", { mode: "string" }).notNull(),
    /** Posture photos: which side of the body, so two dates of the same view can be compared. */
    view: text("view"),
    tags: text("tags").array().notNull().default([]),
    sharedWithClientAt: timestamp("shared_with_client_at", { withTimezone: true }),
    uploadedBy: uuid("uploaded_by")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    version: integer("version").notNull().default(1),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("client_documents_client_idx").on(t.clinicId, t.clientId, t.documentDate),
    check("client_documents_kind", sql`${t.kind} in (${list(DOCUMENT_KINDS)})`),
    check("client_documents_view", sql`${t.view} is null or ${t.view} in (${list(PHOTO_VIEWS)})`),
    check("client_documents_view_only_photos", sql`${t.view} is null or ${t.kind} = 'posture_photo'`),
    check("client_documents_size", sql`${t.byteSize} > 0`),
    check("client_documents_sha256", sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check("client_documents_title_len", sql`char_length(${t.title}) between 1 and 200`),
    check("client_documents_tags", sql`cardinality(${t.tags}) <= 20`),
    check("client_documents_type", sql`${t.contentType} in (${list(STORED_DOCUMENT_TYPES)})`),
  ],
);
