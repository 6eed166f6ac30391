import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  integer,
  boolean,
  jsonb,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
  customType,
  bigint,
  doublePrecision,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { triggerPoints } from "./visits";
import type { ExerciseDosage } from "./reference";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * A clinic's own SMR exercise. Same shape as the shared library (smr_exercises) so the
 * programme rules treat both alike; the seeded exercises are never edited by a clinic.
 */
export const clinicExercises = pgTable(
  "clinic_exercises",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    tool: text("tool").notNull(),
    targetMuscles: text("target_muscles").array().notNull(),
    instructions: text("instructions").notNull(),
    dosage: jsonb("dosage").$type<ExerciseDosage>().notNull(),
    cautions: text("cautions").array().notNull().default([]),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] })],
);

/**
 * One optional picture per clinic exercise. The bytes live in lib/storage (`storage_key`, with
 * their SHA-256); `data` only holds pictures from before storage existed, until the start-up
 * move (lib/programmes/exercises/move-images-to-storage.ts) has copied them out.
 */
export const clinicExerciseImages = pgTable(
  "clinic_exercise_images",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    exerciseId: uuid("exercise_id").notNull(),
    contentType: text("content_type").notNull(),
    data: bytea("data"),
    storageKey: text("storage_key"),
    sha256: text("sha256"),
    byteSize: integer("byte_size").notNull(),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.exerciseId] }),
    foreignKey({
      columns: [t.clinicId, t.exerciseId],
      foreignColumns: [clinicExercises.clinicId, clinicExercises.id],
    }).onDelete("cascade"),
    // Bytes in exactly one place: the old column or storage (with the hash that proves them).
    check(
      "clinic_exercise_images_one_place",
      sql`(${t.data} is null) <> (${t.storageKey} is null) and (${t.storageKey} is null) = (${t.sha256} is null)`,
    ),
  ],
);

/** A home programme. Its content lives in versions; editing an active programme adds one. */
export const programmes = pgTable(
  "programmes",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    title: text("title").notNull(),
    /** The newest version number; also the optimistic-lock token for edits. */
    currentVersion: integer("current_version").notNull().default(1),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("programmes_client_idx").on(t.clinicId, t.clientId),
  ],
);

/** What the client was asked to do from startDate (until the next version or endDate). Never updated. */
export const programmeVersions = pgTable(
  "programme_versions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    programmeId: uuid("programme_id").notNull(),
    version: integer("version").notNull(),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    notes: text("notes").notNull().default(""),
    changeNote: text("change_note").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.programmeId, t.version] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }),
    check("programme_versions_dates", sql`${t.endDate} is null or ${t.endDate} >= ${t.startDate}`),
  ],
);

/** The exercise as prescribed: a snapshot of its text, so later library edits never rewrite history. */
export interface ExerciseSnapshot {
  name: string;
  tool: string;
  targetMuscles: string[];
  instructions: string;
  cautions: string[];
  /** Reference v2 standard caution ids (absent on snapshots taken before v2 and on clinic exercises). */
  standardCautions?: string[];
  stopRules: string[];
}

/** One exercise of one programme version. `exercise_key` is the seeded id or "clinic:<uuid>". */
export const programmeItems = pgTable(
  "programme_items",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    programmeId: uuid("programme_id").notNull(),
    version: integer("version").notNull(),
    position: integer("position").notNull(),
    exerciseKey: text("exercise_key").notNull(),
    snapshot: jsonb("snapshot").$type<ExerciseSnapshot>().notNull(),
    dosage: jsonb("dosage").$type<Record<string, unknown>>().notNull(),
    /** The therapist's reason for a dosage outside the reference's safe ranges. */
    overrideReason: text("override_reason"),
    /** Precaution flags shown when it was prescribed (blocked exercises are never stored). */
    flags: jsonb("flags").$type<{ precaution: string; message: string }[]>().notNull().default([]),
    note: text("note").notNull().default(""),
    triggerPointId: uuid("trigger_point_id"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({
      columns: [t.clinicId, t.programmeId, t.version],
      foreignColumns: [programmeVersions.clinicId, programmeVersions.programmeId, programmeVersions.version],
    }),
    foreignKey({ columns: [t.clinicId, t.triggerPointId], foreignColumns: [triggerPoints.clinicId, triggerPoints.id] }),
    uniqueIndex("programme_items_position_key").on(t.clinicId, t.programmeId, t.version, t.position),
  ],
);

/** The client did one session of one item: the portal tick-off. */
export const programmeCompletions = pgTable(
  "programme_completions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    programmeId: uuid("programme_id").notNull(),
    itemId: uuid("item_id").notNull(),
    exerciseKey: text("exercise_key").notNull(),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Clinic-local calendar day of completedAt, for "done today" without zone arithmetic in SQL. */
    localDate: date("local_date").notNull(),
    painBefore: integer("pain_before"),
    painAfter: integer("pain_after"),
    note: text("note").notNull().default(""),
    /** "I felt numbness, tingling or shooting pain": shows the stop rule and flags the therapist. */
    adverse: boolean("adverse").notNull().default(false),
    /** The therapist has seen an adverse report (clears it from needs-attention). */
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    idempotencyKey: text("idempotency_key"),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.programmeId], foreignColumns: [programmes.clinicId, programmes.id] }),
    foreignKey({ columns: [t.clinicId, t.itemId], foreignColumns: [programmeItems.clinicId, programmeItems.id] }),
    uniqueIndex("programme_completions_idempotency_key").on(t.clinicId, t.idempotencyKey),
    index("programme_completions_client_idx").on(t.clinicId, t.clientId, t.localDate),
    // "Needs attention" lists unreviewed stop-rule reports: a handful among a clinic's tick-offs.
    index("programme_completions_unreviewed_adverse_idx")
      .on(t.clinicId, t.completedAt)
      .where(sql`${t.adverse} and ${t.reviewedAt} is null`),
    check(
      "programme_completions_pain",
      sql`(${t.painBefore} is null or ${t.painBefore} between 0 and 10) and (${t.painAfter} is null or ${t.painAfter} between 0 and 10)`,
    ),
  ],
);

/**
 * A client's low-adherence row for the dashboard (issue 16: the list re-ran every running programme's week on
 * each request). Triggers mark it stale (valid_until null) and move `generation` in the transaction of any write
 * the report reads (db/migrations/0031_adherence_summaries.sql). A reader recomputes rows that are stale, or
 * outside [computed_on, valid_until]: the last full week changes on Monday, and a programme's status on its
 * first start date and the day after its end date.
 */
export const adherenceSummaries = pgTable(
  "adherence_summaries",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id").notNull(),
    generation: bigint("generation", { mode: "number" }).notNull().default(1),
    computedOn: date("computed_on"),
    validUntil: date("valid_until"),
    low: boolean("low").notNull().default(false),
    ratio: doublePrecision("ratio"),
    clientName: text("client_name").notNull().default(""),
    /** The rest of the list entry (week, counts, programmes). */
    entry: jsonb("entry").$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientId] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("adherence_summaries_valid_idx").on(t.clinicId, t.validUntil),
    index("adherence_summaries_computed_idx").on(t.clinicId, t.computedOn),
    index("adherence_summaries_low_idx")
      .on(t.clinicId, t.ratio, sql`lower(${t.clientName})`, t.clientId)
      .where(sql`${t.low}`),
  ],
);
