import { sql } from "drizzle-orm";
import { pgTable, uuid, text, timestamp, jsonb, primaryKey, index, bigint, check, unique } from "drizzle-orm/pg-core";
import { clinics, users } from "./clinics-users";

/**
 * Who did what, when — including who READ health information and who was refused.
 * `details` holds identifiers and field names only, never clinical text, so the trail can
 * be shown to admins who may not read clinical notes.
 *
 * Append-only and hash-chained per clinic (db/migrations/*_audit_chain.sql): a trigger
 * fills `seq`, `prev_hash` and `hash` on insert under a lock on the clinic's chain head,
 * and refuses UPDATE, DELETE and TRUNCATE. `client_id`, `entity_id` have no foreign keys
 * on purpose: a refused attempt records an id that may not exist in this clinic.
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
    /** The client whose record this event is about (reads and changes), for "who opened this record". */
    clientId: uuid("client_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    requestId: text("request_id"),
    ip: text("ip"),
    // Filled by the chain trigger; the defaults only let drizzle's insert types omit them.
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    primaryKey({ columns: [t.clinicId, t.id] }),
    // Keyset paging newest first by (at, seq); one index per filter the audit page offers
    // that narrows a busy clinic's trail (client, person); event kind and dates filter within them.
    index("audit_events_clinic_at_idx").on(t.clinicId, t.at, t.seq),
    index("audit_events_clinic_client_at_idx").on(t.clinicId, t.clientId, t.at, t.seq),
    index("audit_events_clinic_actor_at_idx").on(t.clinicId, t.actorUserId, t.at, t.seq),
    unique("audit_events_clinic_seq_key").on(t.clinicId, t.seq),
    check("audit_events_request_id_len", sql`char_length(${t.requestId}) <= 100`),
    check("audit_events_ip_len", sql`char_length(${t.ip}) <= 64`),
  ],
);

/**
 * Events that belong to no clinic (a failed sign-in for an unknown address, a platform
 * operator's action): the same columns and guarantees, on one "platform" chain.
 */
export const platformAuditEvents = pgTable(
  "platform_audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: uuid("entity_id"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    requestId: text("request_id"),
    ip: text("ip"),
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    prevHash: text("prev_hash").notNull().default(""),
    hash: text("hash").notNull().default(""),
  },
  (t) => [
    index("platform_audit_events_at_idx").on(t.at),
    unique("platform_audit_events_seq_key").on(t.seq),
    check("platform_audit_events_request_id_len", sql`char_length(${t.requestId}) <= 100`),
    check("platform_audit_events_ip_len", sql`char_length(${t.ip}) <= 64`),
  ],
);

/**
 * The head of each chain (a clinic id, or "platform"): the last sequence number and hash.
 * Locking this row serialises appends to one chain, so 20 simultaneous events still form
 * one unbroken sequence. Written only by the chain trigger (SECURITY DEFINER).
 */
export const auditChainHeads = pgTable("audit_chain_heads", {
  chainKey: text("chain_key").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
});
