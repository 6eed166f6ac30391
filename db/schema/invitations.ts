import { pgTable, uuid, text, timestamp, primaryKey, foreignKey, index, uniqueIndex } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";
import { roleEnum, invitationKindEnum } from "./enums";

/**
 * A one-time, expiring link that lets a person join a clinic (staff) or its portal (client).
 * Only a hash of the token is stored, so a database leak cannot be replayed as invitations.
 */
export const invitations = pgTable(
  "invitations",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    kind: invitationKindEnum("kind").notNull(),
    email: text("email").notNull(),
    role: roleEnum("role").notNull(),
    clientId: uuid("client_id"),
    tokenHash: text("token_hash").notNull(),
    /** Null for the invitation a public booking sends a new client (nobody signed in invited them). */
    invitedBy: uuid("invited_by").references(() => users.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }).onDelete(
      "restrict",
    ),
    index("invitations_clinic_email_idx").on(t.clinicId, t.email),
    // Tokens are looked up before the clinic is known; 256 random bits make collisions moot,
    // and the unique key keeps clinic_id first like every other clinic-owned key.
    uniqueIndex("invitations_clinic_token_key").on(t.clinicId, t.tokenHash),
    index("invitations_token_hash_idx").on(t.tokenHash),
  ],
);
