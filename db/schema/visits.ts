import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  primaryKey,
  foreignKey,
  index,
  check,
  real,
  boolean,
  jsonb,
  pgEnum,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { muscles, clinicMuscles } from "./reference";

export const chartViewEnum = pgEnum("chart_view", ["front", "back"]);
export const bodySideEnum = pgEnum("body_side", ["left", "right", "midline"]);
export const trpTypeEnum = pgEnum("trp_type", ["active", "latent"]);
/** A carried-forward point's status today; "new" for points first found at this visit. */
export const findingStatusEnum = pgEnum("finding_status", [
  "new",
  "unchanged",
  "better",
  "worse",
  "resolved",
  "not_checked",
]);

/**
 * A treatment visit with its SOAP note. Once signed_at is set the row and its findings are
 * locked by database triggers (migration 0002); corrections are amendments.
 */
export const visits = pgTable(
  "visits",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    subjective: text("subjective").notNull().default(""),
    objective: text("objective").notNull().default(""),
    assessment: text("assessment").notNull().default(""),
    plan: text("plan").notNull().default(""),
    // Where the client reports pain today (region ids): the "where to palpate" input.
    painRegions: text("pain_regions").array().notNull().default([]),
    version: integer("version").notNull().default(1),
    signedAt: timestamp("signed_at", { withTimezone: true }),
    signedBy: uuid("signed_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    index("visits_client_started_idx").on(t.clinicId, t.clientId, t.startedAt),
    check("visits_signed_by_check", sql`(${t.signedAt} is null) = (${t.signedBy} is null)`),
  ],
);

/**
 * A trigger point's identity across visits: each visit's finding points at it, so a point
 * has a trajectory (active → latent → resolved, threshold rising).
 */
export const triggerPoints = pgTable(
  "trigger_points",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    muscleId: text("muscle_id").references(() => muscles.id),
    clinicMuscleId: uuid("clinic_muscle_id"),
    side: bodySideEnum("side").notNull(),
    label: text("label").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.clinicMuscleId], foreignColumns: [clinicMuscles.clinicId, clinicMuscles.id] }),
    check("trigger_points_one_muscle", sql`num_nonnulls(${t.muscleId}, ${t.clinicMuscleId}) = 1`),
    index("trigger_points_client_idx").on(t.clinicId, t.clientId),
  ],
);

export interface PptTrial {
  value: number;
  unit: "kgf/cm2" | "N/cm2" | "lbf/in2" | "kPa";
}

/** What was found at one trigger point at one visit: raw inputs and derived values apart. */
export const findings = pgTable(
  "findings",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    visitId: uuid("visit_id").notNull(),
    triggerPointId: uuid("trigger_point_id").notNull(),
    view: chartViewEnum("view").notNull(),
    x: real("x").notNull(),
    y: real("y").notNull(),
    templateId: text("template_id").notNull(),
    templateVersion: integer("template_version").notNull(),
    type: trpTypeEnum("type").notNull(),
    // Null for a carried-forward point still awaiting today's status.
    status: findingStatusEnum("status"),
    tautBand: boolean("taut_band").notNull().default(false),
    localTwitch: boolean("local_twitch").notNull().default(false),
    referredPain: boolean("referred_pain").notNull().default(false),
    referralRegions: text("referral_regions").array().notNull().default([]),
    tenderness: integer("tenderness"),
    pptTrials: jsonb("ppt_trials").$type<PptTrial[]>().notNull().default([]),
    pptKpaMean: real("ppt_kpa_mean"),
    meetsConsensus: boolean("meets_consensus").notNull().default(false),
    treatment: text("treatment").array().notNull().default([]),
    response: text("response").notNull().default(""),
    note: text("note").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.visitId], foreignColumns: [visits.clinicId, visits.id] }),
    foreignKey({ columns: [t.clinicId, t.triggerPointId], foreignColumns: [triggerPoints.clinicId, triggerPoints.id] }),
    index("findings_visit_idx").on(t.clinicId, t.visitId),
    index("findings_point_idx").on(t.clinicId, t.triggerPointId),
    check("findings_xy_range", sql`${t.x} between 0 and 1 and ${t.y} between 0 and 1`),
    check("findings_tenderness_range", sql`${t.tenderness} is null or ${t.tenderness} between 0 and 10`),
    check("findings_ppt_positive", sql`${t.pptKpaMean} is null or ${t.pptKpaMean} > 0`),
  ],
);

/** A dated, signed addendum to a signed visit, with the reason for the correction. */
export const visitAmendments = pgTable(
  "visit_amendments",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    visitId: uuid("visit_id").notNull(),
    authorUserId: uuid("author_user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.visitId], foreignColumns: [visits.clinicId, visits.id] }),
    index("visit_amendments_visit_idx").on(t.clinicId, t.visitId),
  ],
);
