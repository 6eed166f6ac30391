import { sql } from "drizzle-orm";
import { pgTable, uuid, text, timestamp, integer, boolean, jsonb, primaryKey, foreignKey, index, uniqueIndex, check, pgEnum } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";

export const appointmentStatusEnum = pgEnum("appointment_status", ["booked", "arrived", "completed", "cancelled", "no_show"]);

/** A treatment room (a resource that cannot hold two appointments at once). */
export const rooms = pgTable(
  "rooms",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] })],
);

export const appointmentTypes = pgTable(
  "appointment_types",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    durationMin: integer("duration_min").notNull(),
    bufferAfterMin: integer("buffer_after_min").notNull().default(0),
    colour: text("colour").notNull().default("#0f6b73"),
    bookableOnline: boolean("bookable_online").notNull().default(false),
    needsRoom: boolean("needs_room").notNull().default(true),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    check("appointment_types_duration", sql`${t.durationMin} between 5 and 480 and ${t.bufferAfterMin} between 0 and 120`),
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
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    clientId: uuid("client_id").notNull(),
    therapistUserId: uuid("therapist_user_id").notNull().references(() => users.id),
    roomId: uuid("room_id"),
    typeId: uuid("type_id").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blocksUntil: timestamp("blocks_until", { withTimezone: true }).notNull(),
    status: appointmentStatusEnum("status").notNull().default("booked"),
    cancelReason: text("cancel_reason"),
    idempotencyKey: text("idempotency_key"),
    seriesId: uuid("series_id"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({ columns: [t.clinicId, t.roomId], foreignColumns: [rooms.clinicId, rooms.id] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
    // A retried request with the same key finds the first appointment instead of making another.
    uniqueIndex("appointments_idempotency_key").on(t.clinicId, t.idempotencyKey),
    index("appointments_clinic_start_idx").on(t.clinicId, t.startsAt),
    check("appointments_times", sql`${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blocksUntil}`),
  ],
);

/** A therapist's usual week (wall-clock blocks in the clinic's zone; several a day allowed). */
export const therapistHours = pgTable(
  "therapist_hours",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    therapistUserId: uuid("therapist_user_id").notNull().references(() => users.id),
    blocks: jsonb("blocks").$type<{ weekday: number; start: string; end: string }[]>().notNull(),
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.therapistUserId] })],
);

/** Time off or extra hours on given dates, as validated by lib/scheduling/schemas.ts. */
export const availabilityExceptions = pgTable(
  "availability_exceptions",
  {
    clinicId: uuid("clinic_id").notNull().references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    therapistUserId: uuid("therapist_user_id").notNull().references(() => users.id),
    exception: jsonb("exception").$type<Record<string, unknown>>().notNull(),
    createdBy: uuid("created_by").notNull().references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] }), index("availability_exceptions_therapist_idx").on(t.clinicId, t.therapistUserId)],
);
