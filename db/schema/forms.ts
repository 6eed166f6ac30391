import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  jsonb,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { FORM_REQUEST_STATUSES, FORM_SOURCES, PROPOSAL_STATUSES, SIGNATURE_METHODS } from "../../lib/forms/kinds";
import type { FormDefinition } from "../../lib/forms/definition";
import type { Answers } from "../../lib/forms/rules/answers";

const list = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

/** A clinic's form (copied from a seeded one or its own); its text lives in versions. */
export const formTemplates = pgTable(
  "form_templates",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    /** The seeded form it was copied from (health_history, consent_mtrp …), if any. */
    seedKey: text("seed_key"),
    title: text("title").notNull(),
    kind: text("kind").notNull(),
    currentVersion: integer("current_version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] })],
);

/** One version of a form's text. Never changed once written (trigger): submissions point here. */
export const formVersions = pgTable(
  "form_versions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    templateId: uuid("template_id").notNull(),
    version: integer("version").notNull(),
    definition: jsonb("definition").$type<FormDefinition>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.templateId, t.version] }),
    foreignKey({ columns: [t.clinicId, t.templateId], foreignColumns: [formTemplates.clinicId, formTemplates.id] }),
    check("form_versions_version", sql`${t.version} >= 1`),
  ],
);

/** A form sent to a client to fill in: a fixed version, so the text cannot change under them. */
export const formRequests = pgTable(
  "form_requests",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    templateId: uuid("template_id").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull().default("pending"),
    /** Null when sent automatically (a new client's first booking). */
    sentBy: uuid("sent_by").references(() => users.id),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
    /** SHA-256 of the one-time kiosk code while the form is open on the clinic's tablet. */
    kioskTokenHash: text("kiosk_token_hash"),
    kioskExpiresAt: timestamp("kiosk_expires_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.templateId, t.version],
      foreignColumns: [formVersions.clinicId, formVersions.templateId, formVersions.version],
    }),
    index("form_requests_client_idx").on(t.clinicId, t.clientId, t.status),
    uniqueIndex("form_requests_clinic_kiosk_token_key").on(t.clinicId, t.kioskTokenHash),
    // The kiosk page has no clinic yet: it finds the request by the code's hash alone.
    index("form_requests_kiosk_token_idx").on(t.kioskTokenHash),
    check("form_requests_status", sql`${t.status} in (${list(FORM_REQUEST_STATUSES)})`),
  ],
);

/**
 * A signed form: the answers, how it was signed and what proves it. Immutable (trigger) except
 * that its PDF, rendered afterwards, is attached once.
 */
export const formSubmissions = pgTable(
  "form_submissions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    requestId: uuid("request_id").notNull(),
    clientId: uuid("client_id").notNull(),
    templateId: uuid("template_id").notNull(),
    version: integer("version").notNull(),
    answers: jsonb("answers").$type<Answers>().notNull(),
    signatureMethod: text("signature_method").notNull(),
    signatureName: text("signature_name").notNull(),
    /** The drawn signature as a PNG in storage (typed signatures have none). */
    signatureImageKey: text("signature_image_key"),
    signatureImageSha256: text("signature_image_sha256"),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    source: text("source").notNull(),
    /** Who submitted: the client's login (portal), or the staff member who opened the kiosk. */
    submittedBy: uuid("submitted_by").references(() => users.id),
    /** SHA-256 of the canonical signed content (definition, answers, signature, time). */
    contentSha256: text("content_sha256").notNull(),
    pdfKey: text("pdf_key"),
    pdfSha256: text("pdf_sha256"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    uniqueIndex("form_submissions_request_key").on(t.clinicId, t.requestId),
    foreignKey({ columns: [t.clinicId, t.requestId], foreignColumns: [formRequests.clinicId, formRequests.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.templateId, t.version],
      foreignColumns: [formVersions.clinicId, formVersions.templateId, formVersions.version],
    }),
    index("form_submissions_client_idx").on(t.clinicId, t.clientId, t.signedAt),
    check("form_submissions_method", sql`${t.signatureMethod} in (${list(SIGNATURE_METHODS)})`),
    check("form_submissions_source", sql`${t.source} in (${list(FORM_SOURCES)})`),
    check("form_submissions_sha256", sql`${t.contentSha256} ~ '^[0-9a-f]{64}$'`),
    check(
      "form_submissions_drawn_has_image",
      sql`(${t.signatureMethod} = 'drawn') = (${t.signatureImageKey} is not null)`,
    ),
  ],
);

/** An answer that would change the record, waiting for the therapist to accept, edit or dismiss it. */
export const formProposals = pgTable(
  "form_proposals",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    submissionId: uuid("submission_id").notNull(),
    clientId: uuid("client_id").notNull(),
    target: text("target").notNull(),
    proposed: jsonb("proposed").notNull(),
    status: text("status").notNull().default("pending"),
    /** What was written to the record (the proposal, or the therapist's edit). */
    decidedValue: jsonb("decided_value"),
    decidedBy: uuid("decided_by").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({
      columns: [t.clinicId, t.submissionId],
      foreignColumns: [formSubmissions.clinicId, formSubmissions.id],
    }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("form_proposals_client_idx").on(t.clinicId, t.clientId, t.status),
    check("form_proposals_status", sql`${t.status} in (${list(PROPOSAL_STATUSES)})`),
  ],
);

/** The client's emergency contact (filled from the health history after review). */
export const clientEmergencyContacts = pgTable(
  "client_emergency_contacts",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id").notNull(),
    name: text("name"),
    phone: text("phone"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientId] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
  ],
);
