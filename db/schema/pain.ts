import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  date,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
  pgEnum,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { visits } from "./visits";

export const complaintStatusEnum = pgEnum("complaint_status", ["open", "resolved"]);

/** What the client comes in for, e.g. "right-sided neck pain with headaches". */
export const complaints = pgTable(
  "complaints",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    title: text("title").notNull(),
    regions: text("regions").array().notNull().default([]),
    onsetDate: date("onset_date"),
    status: complaintStatusEnum("status").notNull().default("open"),
    resolvedOn: date("resolved_on"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("complaints_client_idx").on(t.clinicId, t.clientId),
  ],
);

/** NPRS before and after treatment, per complaint, at one visit (locked with the visit). */
export const visitPainScores = pgTable(
  "visit_pain_scores",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    visitId: uuid("visit_id").notNull(),
    complaintId: uuid("complaint_id").notNull(),
    before: integer("before"),
    after: integer("after"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.visitId], foreignColumns: [visits.clinicId, visits.id] }),
    foreignKey({ columns: [t.clinicId, t.complaintId], foreignColumns: [complaints.clinicId, complaints.id] }),
    uniqueIndex("visit_pain_scores_visit_complaint_key").on(t.clinicId, t.visitId, t.complaintId),
    // Needs-attention reads every open complaint's scores by complaint (lib/pain/attention.ts).
    index("visit_pain_scores_complaint_idx").on(t.clinicId, t.complaintId),
    check("visit_pain_scores_before_range", sql`${t.before} is null or ${t.before} between 0 and 10`),
    check("visit_pain_scores_after_range", sql`${t.after} is null or ${t.after} between 0 and 10`),
  ],
);

/** The client's own 0–10 score between visits: at most one per complaint per (clinic-local) day. */
export const diaryEntries = pgTable(
  "diary_entries",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    complaintId: uuid("complaint_id").notNull(),
    entryDate: date("entry_date").notNull(),
    score: integer("score").notNull(),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.complaintId], foreignColumns: [complaints.clinicId, complaints.id] }),
    uniqueIndex("diary_entries_one_per_day_key").on(t.clinicId, t.complaintId, t.entryDate),
    check("diary_entries_score_range", sql`${t.score} between 0 and 10`),
  ],
);
