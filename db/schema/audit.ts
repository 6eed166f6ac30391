import { pgTable, uuid, text, timestamp, jsonb, primaryKey, index } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";

/**
 * Who did what, when. `details` holds identifiers and field names only, never clinical
 * text, so the trail can be shown to admins who may not read clinical notes.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    id: uuid("id").notNull().defaultRandom(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.id] }), index("audit_events_clinic_at_idx").on(t.clinicId, t.at)],
);
