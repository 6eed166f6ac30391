import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  integer,
  boolean,
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
import { visits } from "./visits";

export const appointmentStatusEnum = pgEnum("appointment_status", [
  "booked",
  "arrived",
  "completed",
  "cancelled",
  "no_show",
]);

/** A treatment room (a resource that cannot hold two appointments at once). */
export const rooms = pgTable(
  "rooms",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] })],
);

export const appointmentTypes = pgTable(
  "appointment_types",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    durationMin: integer("duration_min").notNull(),
    bufferAfterMin: integer("buffer_after_min").notNull().default(0),
    colour: text("colour").notNull().default("#0f6b73"),
    bookableOnline: boolean("bookable_online").notNull().default(false),
    /** Offered on the public booking page to people who are not yet clients. */
    bookableByNewClients: boolean("bookable_by_new_clients").notNull().default(false),
    needsRoom: boolean("needs_room").notNull().default(true),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    check(
      "appointment_types_duration",
      sql`${t.durationMin} between 5 and 480 and ${t.bufferAfterMin} between 0 and 120`,
    ),
  ],
);

/** Which therapists offer an appointment type (none listed = every therapist). */
export const appointmentTypeTherapists = pgTable(
  "appointment_type_therapists",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    typeId: uuid("type_id").notNull(),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.typeId, t.therapistUserId] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
  ],
);

/** A recurring series or treatment plan: the rule it was booked from (lib/scheduling/rules/recurrence.ts). */
export const appointmentSeries = pgTable(
  "appointment_series",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    rule: jsonb("rule").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
  ],
);

/**
 * An appointment. `blocks_until` = end + the type's buffer: the exclusion constraints in
 * migration 0007 refuse two active appointments of one therapist, or of one room, whose
 * [starts_at, blocks_until) overlap — the database, not the app, prevents double booking.
 */
export const appointments = pgTable(
  "appointments",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
    roomId: uuid("room_id"),
    typeId: uuid("type_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blocksUntil: timestamp("blocks_until", { withTimezone: true }).notNull(),
    status: appointmentStatusEnum("status").notNull().default("booked"),
    cancelReason: text("cancel_reason"),
    idempotencyKey: text("idempotency_key"),
    seriesId: uuid("series_id"),
    /** The visit opened from this appointment (one visit per appointment). */
    visitId: uuid("visit_id"),
    bookedVia: text("booked_via", { enum: ["staff", "portal", "public"] })
      .notNull()
      .default("staff"),
    /** Cancelled inside the clinic's notice period (counted per client, like no-shows). */
    lateCancellation: boolean("late_cancellation").notNull().default(false),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    cancelledBy: uuid("cancelled_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    /** Null when booked from the public page, where nobody is signed in. */
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.roomId], foreignColumns: [rooms.clinicId, rooms.id] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
    foreignKey({
      columns: [t.clinicId, t.seriesId],
      foreignColumns: [appointmentSeries.clinicId, appointmentSeries.id],
    }),
    foreignKey({ columns: [t.clinicId, t.visitId], foreignColumns: [visits.clinicId, visits.id] }),
    uniqueIndex("appointments_visit_key").on(t.clinicId, t.visitId),
    index("appointments_client_idx").on(t.clinicId, t.clientId, t.startsAt),
    // A retried request with the same key finds the first appointment instead of making another.
    uniqueIndex("appointments_idempotency_key").on(t.clinicId, t.idempotencyKey),
    index("appointments_clinic_start_idx").on(t.clinicId, t.startsAt),
    check("appointments_times", sql`${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blocksUntil}`),
    // Bounds every overlap query from below (lib/scheduling/appointments/overlap.ts): 8 hours at most, plus a buffer of ≤ 2.
    check(
      "appointments_max_length",
      sql`${t.endsAt} <= ${t.startsAt} + interval '8 hours' and ${t.blocksUntil} <= ${t.startsAt} + interval '10 hours'`,
    ),
  ],
);

/** A therapist's usual week (wall-clock blocks in the clinic's zone; several a day allowed). */
export const therapistHours = pgTable(
  "therapist_hours",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
    blocks: jsonb("blocks").$type<{ weekday: number; start: string; end: string }[]>().notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.therapistUserId] })],
);

/** Time off or extra hours on given dates, as validated by lib/scheduling/rules/schemas.ts. */
export const availabilityExceptions = pgTable(
  "availability_exceptions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
    exception: jsonb("exception").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    index("availability_exceptions_therapist_idx").on(t.clinicId, t.therapistUserId),
  ],
);

/** A client waiting for an earlier slot, with what would suit them. */
export const waitlistEntries = pgTable(
  "waitlist_entries",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    typeId: uuid("type_id"),
    /** Preferred therapists; empty = anyone. */
    therapistUserIds: uuid("therapist_user_ids").array().notNull().default([]),
    /** Preferred ISO weekdays (1 = Monday); empty = any day. */
    weekdays: integer("weekdays").array().notNull().default([]),
    /** Preferred wall-clock window in the clinic's zone, "HH:MM"; null = any time. */
    timeFrom: text("time_from"),
    timeTo: text("time_to"),
    note: text("note").notNull().default(""),
    status: text("status", { enum: ["waiting", "offered", "booked", "removed"] })
      .notNull()
      .default("waiting"),
    offeredAppointmentId: uuid("offered_appointment_id"),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
    index("waitlist_entries_status_idx").on(t.clinicId, t.status),
  ],
);

/**
 * One reminder per appointment, ever: the row is inserted in the same transaction as the
 * outbox email, and its key makes a second insert (another worker, a restart) a no-op.
 */
export const appointmentReminders = pgTable(
  "appointment_reminders",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    appointmentId: uuid("appointment_id").notNull(),
    outboxId: uuid("outbox_id"),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.appointmentId] }),
    foreignKey({ columns: [t.clinicId, t.appointmentId], foreignColumns: [appointments.clinicId, appointments.id] }),
  ],
);

/** A therapist's secret iCalendar feed. Only the SHA-256 of the token is stored; revoking sets revoked_at. */
export const calendarFeeds = pgTable(
  "calendar_feeds",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  // Looked up by token alone (the feed URL names no clinic); a 256-bit token does not collide.
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    uniqueIndex("calendar_feeds_token_key").on(t.clinicId, t.tokenHash),
    index("calendar_feeds_token_idx").on(t.tokenHash),
  ],
);
