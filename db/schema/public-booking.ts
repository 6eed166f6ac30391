import { sql } from "drizzle-orm";
import {
  pgTable,
  uuid,
  text,
  timestamp,
  date,
  primaryKey,
  foreignKey,
  index,
  uniqueIndex,
  check,
} from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { appointments, appointmentTypes, rooms } from "./scheduling";

/** Where a public booking request stands (see lib/scheduling/public-booking). */
export const HOLD_STATUSES = ["held", "awaiting_clinic", "confirmed", "declined", "released"] as const;

/**
 * A slot held for someone booking on the public page while they confirm by the emailed link.
 * `held` blocks the slot until `expires_at`; `awaiting_clinic` (confirmed by the client, waiting
 * for a therapist to accept) blocks it until decided. The triggers of migration 0027 refuse a hold
 * and an active appointment (or two live holds) of one therapist or room that overlap, under one
 * per-clinic advisory lock, with the same SQLSTATE as the appointments' exclusion constraints.
 * An expired hold needs no sweeper: every check compares `expires_at` with now().
 * The person's details live here until confirmation; only then is a client record found or made.
 */
export const bookingHolds = pgTable(
  "booking_holds",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    typeId: uuid("type_id").notNull(),
    therapistUserId: uuid("therapist_user_id")
      .notNull()
      .references(() => users.id),
    roomId: uuid("room_id"),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    blocksUntil: timestamp("blocks_until", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    status: text("status", { enum: HOLD_STATUSES }).notNull().default("held"),
    /** Lower-cased; the confirmation link goes here and nowhere else. */
    email: text("email").notNull(),
    firstName: text("first_name").notNull(),
    lastName: text("last_name").notNull(),
    phone: text("phone").notNull(),
    dateOfBirth: date("date_of_birth").notNull(),
    /** The client's own words; health information, never logged or put in an audit event. */
    reason: text("reason").notNull(),
    /** SHA-256 of the single-use confirmation token. */
    tokenHash: text("token_hash").notNull(),
    clientId: uuid("client_id"),
    appointmentId: uuid("appointment_id"),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.typeId], foreignColumns: [appointmentTypes.clinicId, appointmentTypes.id] }),
    foreignKey({ columns: [t.clinicId, t.roomId], foreignColumns: [rooms.clinicId, rooms.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
    foreignKey({
      columns: [t.clinicId, t.appointmentId],
      foreignColumns: [appointments.clinicId, appointments.id],
    }),
    // The link names no clinic: looked up by token alone (256 random bits do not collide).
    uniqueIndex("booking_holds_token_key").on(t.clinicId, t.tokenHash),
    index("booking_holds_token_idx").on(t.tokenHash),
    index("booking_holds_live_idx").on(t.clinicId, t.status, t.startsAt),
    index("booking_holds_email_idx").on(t.clinicId, t.email, t.createdAt),
    check("booking_holds_times", sql`${t.startsAt} < ${t.endsAt} and ${t.endsAt} <= ${t.blocksUntil}`),
    check("booking_holds_status", sql`${t.status} in ('held', 'awaiting_clinic', 'confirmed', 'declined', 'released')`),
    check("booking_holds_reason_length", sql`char_length(${t.reason}) <= 500`),
  ],
);
