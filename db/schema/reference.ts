import { pgTable, text, boolean, real, jsonb, integer, uuid, timestamp, primaryKey } from "drizzle-orm/pg-core";
import { clinics } from "./clinics-users";

export interface TriggerPointSite {
  label: string;
  locationNote: string;
  /** Approximate site for the client's RIGHT side; mirror x for the left (1 - x). */
  approx: { view: "front" | "back"; x: number; y: number } | null;
}

/**
 * The shared muscle library, seeded from the clinical reference (db/seed/reference).
 * Coordinates and referral zones are given for the client's right side.
 */
export const muscles = pgTable("muscles", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  region: text("region").notNull(),
  sideApplicable: boolean("side_applicable").notNull(),
  views: text("views").array().notNull(),
  triggerPoints: jsonb("trigger_points").$type<TriggerPointSite[]>().notNull(),
  referralZones: text("referral_zones").array().notNull(),
  referralNote: text("referral_note").notNull(),
  cautions: text("cautions").array().notNull().default([]),
  commonCauses: text("common_causes").array().notNull().default([]),
  referenceVersion: text("reference_version").notNull(),
});

/** Body chart regions (front/back, client's side), used for referral zones and pain maps. */
export const regions = pgTable("regions", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  view: text("view").notNull(),
  side: text("side").notNull(),
  centerX: real("center_x").notNull(),
  centerY: real("center_y").notNull(),
  referenceVersion: text("reference_version").notNull(),
});

/** A muscle a clinic adds to its own library; the shared library is never changed by clinics. */
export const clinicMuscles = pgTable(
  "clinic_muscles",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    region: text("region").notNull(),
    sideApplicable: boolean("side_applicable").notNull().default(true),
    triggerPoints: jsonb("trigger_points").$type<TriggerPointSite[]>().notNull().default([]),
    referralZones: text("referral_zones").array().notNull().default([]),
    referralNote: text("referral_note").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] })],
);

export interface ExerciseDosage {
  hold_seconds?: number;
  hold_seconds_range?: [number, number];
  seconds_per_muscle?: number;
  seconds_range?: [number, number];
  sets?: number;
  frequency_per_week?: number;
  [key: string]: unknown;
}

/** The shared self-myofascial-release exercise library, seeded from the clinical reference. */
export const smrExercises = pgTable("smr_exercises", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  tool: text("tool").notNull(),
  targetMuscles: text("target_muscles").array().notNull(),
  instructions: text("instructions").notNull(),
  dosage: jsonb("dosage").$type<ExerciseDosage>().notNull(),
  cautions: text("cautions").array().notNull(),
  /** Ids into the reference's safety.standard_cautions (v2), so the screen links them without reading wording. */
  standardCautions: text("standard_cautions").array().notNull().default([]),
  referenceVersion: text("reference_version").notNull(),
});
