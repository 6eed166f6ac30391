import { pgTable, uuid, text, timestamp, primaryKey, foreignKey } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";
import { clients } from "./clients";

/** The client's SMR precautions screen: one row per precaution that applies. */
export const clientPrecautions = pgTable(
  "client_precautions",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id").notNull(),
    precautionId: text("precaution_id").notNull(),
    /** Body areas for precautions that apply only near a place (wound, varicose veins…). */
    areas: text("areas").array().notNull().default([]),
    note: text("note").notNull().default(""),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientId, t.precautionId] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
  ],
);

/** Self-release tools the client owns, so programmes offer exercises they can do. */
export const clientTools = pgTable(
  "client_tools",
  {
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    clientId: uuid("client_id").notNull(),
    tool: text("tool").notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.clientId, t.tool] }),
    foreignKey({ columns: [t.clinicId, t.clientId], foreignColumns: [clients.clinicId, clients.id] }),
  ],
);
