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
  bigint,
  jsonb,
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
    // Needs-attention reads every open complaint's scores by complaint (lib/outcomes/pain/attention.ts).
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

/**
 * The "needs attention" pain reasons of one client, kept so the dashboard reads a page of flagged clients
 * instead of re-running the rules over the whole clinic on every request (issue 16). Triggers on the rows the
 * rules read (complaints, visit pain scores, visit dates, diary entries, client archive and names, clinic time
 * zone) mark the row stale (valid_until null) and move `generation` in the writer's own transaction. A reader
 * recomputes rows that are stale or outside [computed_on, valid_until] — a result that depends on the date
 * (readings in the rules' recent windows, or later than today) holds for its day only — and stores the result
 * only if `generation` did not move meanwhile.
 */
export const attentionSummaries = pgTable(
  "attention_summaries",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id").notNull(),
    generation: bigint("generation", { mode: "number" }).notNull().default(1),
    /** The clinic-local day the reasons were computed for; null until first computed. */
    computedOn: date("computed_on"),
    /** The last clinic-local day the reasons hold without a write; null when stale. */
    validUntil: date("valid_until"),
    reasons: jsonb("reasons").$type<unknown[]>().notNull().default([]),
    reasonCount: integer("reason_count").notNull().default(0),
    /** The latest date among the reasons: the list shows the most recent first. */
    latestOn: date("latest_on"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientId] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("attention_summaries_valid_idx").on(t.clinicId, t.validUntil),
    index("attention_summaries_computed_idx").on(t.clinicId, t.computedOn),
    index("attention_summaries_flagged_idx")
      .on(t.clinicId, t.latestOn.desc().nullsLast(), t.clientId)
      .where(sql`${t.reasonCount} > 0`),
  ],
);
