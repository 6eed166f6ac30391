import { sql } from "drizzle-orm";
import { pgTable, uuid, text, timestamp, integer, index, check } from "drizzle-orm/pg-core";
import { users } from "./clinics-users";

/**
 * One row per signed-in browser. The next-auth JWT carries only this row's id (`sid`); every
 * request looks the row up by primary key, so signing out, a password reset, a disabled login
 * or an idle/absolute timeout ends the session at once instead of when the cookie expires.
 * Global: a login spans clinics, and the clinic is chosen per request.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** Absolute end, fixed at sign-in: activity never extends it. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedReason: text("ended_reason", {
      enum: ["signed_out", "signed_out_elsewhere", "password_changed", "idle", "access_removed", "login_disabled"],
    }),
    /** Shown on the devices page ("Firefox on Windows"); truncated, never parsed for decisions. */
    userAgent: text("user_agent").notNull().default(""),
    address: text("address"),
  },
  (t) => [
    index("sessions_user_idx").on(t.userId),
    check(
      "sessions_ended_reason_check",
      sql`${t.endedReason} is null or ${t.endedReason} in ('signed_out', 'signed_out_elsewhere', 'password_changed', 'idle', 'access_removed', 'login_disabled')`,
    ),
  ],
);

/**
 * Fixed-window counters for sign-in throttling (per account, per address, per tried password).
 * One atomic upsert per attempt (lib/identity/rate-limit.ts); expired rows are pruned by the job loop.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text("key").primaryKey(),
    points: integer("points").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("rate_limits_expires_idx").on(t.expiresAt)],
);
