import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  real,
  boolean,
  date,
  jsonb,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
  pgEnum,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { complaints } from "./pain";

export const assignmentStatusEnum = pgEnum("questionnaire_assignment_status", ["active", "cancelled"]);
export const responseSourceEnum = pgEnum("questionnaire_source", ["portal", "clinic"]);

/**
 * A questionnaire the therapist asked the client to fill in: once, or again every N visits.
 * Whether it is due is worked out on read from the responses and visits since.
 */
export const questionnaireAssignments = pgTable(
  "questionnaire_assignments",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    instrumentId: text("instrument_id").notNull(),
    complaintId: uuid("complaint_id"),
    everyNVisits: integer("every_n_visits"),
    status: assignmentStatusEnum("status").notNull().default("active"),
    assignedBy: uuid("assigned_by")
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.complaintId], foreignColumns: [complaints.clinicId, complaints.id] }),
    index("questionnaire_assignments_client_idx").on(t.clinicId, t.clientId),
    check("questionnaire_assignments_every_n", sql`${t.everyNVisits} is null or ${t.everyNVisits} between 1 and 52`),
  ],
);

/** One completed questionnaire: the raw answers and the score computed from them, kept apart. */
export const questionnaireResponses = pgTable(
  "questionnaire_responses",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    assignmentId: uuid("assignment_id"),
    instrumentId: text("instrument_id").notNull(),
    instrumentVersion: integer("instrument_version").notNull(),
    answers: jsonb("answers").$type<Record<string, number | null>>().notNull(),
    /** Patient-named items (PSFS activities): the wording the client gave. */
    itemLabels: jsonb("item_labels").$type<Record<string, string>>().notNull().default({}),
    /** Null when the response could not be scored (too many NDI/ODI sections skipped); see unscored_reason. */
    score: real("score"),
    /** Why there is no score, as shown to the clinician, e.g. "2 sections were skipped (…); at most 1 …". */
    unscoredReason: text("unscored_reason"),
    itemsAnswered: integer("items_answered").notNull(),
    proRated: boolean("pro_rated").notNull().default(false),
    source: responseSourceEnum("source").notNull(),
    enteredBy: uuid("entered_by")
      .notNull()
      .references(() => users.id),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.assignmentId],
      foreignColumns: [questionnaireAssignments.clinicId, questionnaireAssignments.id],
    }),
    index("questionnaire_responses_client_idx").on(t.clinicId, t.clientId, t.completedAt),
    check("questionnaire_responses_score_or_reason", sql`(${t.score} is null) = (${t.unscoredReason} is not null)`),
  ],
);

/** The licensed item wording a clinic supplies for NDI/ODI (we ship section titles only). */
export const clinicInstrumentWordings = pgTable(
  "clinic_instrument_wordings",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    instrumentId: text("instrument_id").notNull(),
    /** itemId → { prompt, options: { value → label } } */
    items: jsonb("items").$type<Record<string, { prompt: string; options: Record<string, string> }>>().notNull(),
    licenceNote: text("licence_note").notNull().default(""),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.instrumentId] })],
);

/** The client's weekly "where does it hurt?" map: their own symptom layer, apart from findings. */
export const checkIns = pgTable(
  "check_ins",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    /** Monday of the ISO week, in the clinic's time zone. */
    weekStart: date("week_start").notNull(),
    regions: jsonb("regions").$type<{ regionId: string; score: number }[]>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    uniqueIndex("check_ins_client_week_key").on(t.clinicId, t.clientId, t.weekStart),
  ],
);
