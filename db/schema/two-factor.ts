import { bigint, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./clinics-users";

/**
 * A person's authenticator (TOTP, RFC 6238). Global like the login: one enrolment serves every
 * clinic the person belongs to. The shared secret is sealed with a key derived from the app's
 * secret (lib/identity/two-factor/secret-box.ts), so a database dump alone cannot mint codes.
 */
export const userTotp = pgTable("user_totp", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id),
  secretSealed: text("secret_sealed").notNull(),
  /** Null while enrolment waits for the first code; two-factor is on only once confirmed. */
  confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
  /** The last accepted 30-second time step: a code is never accepted twice (RFC 6238 §5.2). */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** One-time recovery codes; only their SHA-256 is kept (each code carries 80 random bits). */
export const userRecoveryCodes = pgTable(
  "user_recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("user_recovery_codes_user_hash_key").on(t.userId, t.codeHash)],
);

/** Code checks (sign-in, confirmation, turning off), counted per account for the rate limit. */
export const twoFactorAttempts = pgTable(
  "two_factor_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("two_factor_attempts_user_at_idx").on(t.userId, t.at)],
);
