/**
 * Test databases. `freshDb()` returns a private copy of the migrated, demo-seeded database
 * that global setup prepared (lib/testing/global-setup.ts): a PGlite restored from the dump,
 * or a server database created from the template. Nothing is shared between copies.
 */
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql, TransactionRollbackError } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { Client } from "pg";
import { createPool } from "@/db/pool";
import { inject } from "vitest";
import * as schema from "@/db/schema";
import { clients, clinics, users } from "@/db/schema";
import type { Db } from "@/db/client";
import { createPglite } from "@/db/open";
import { loadActor, type Actor } from "@/lib/identity/actor";
import type { SessionInfo } from "@/lib/identity/session-info";
import { databaseUrlFor } from "./database-info";

export interface TestDb {
  db: Db;
  kind: "pglite" | "postgres";
  /** The server database's URL (postgres only), for tests that run a command against it. */
  url?: string;
  close: () => Promise<void>;
}

let dump: Blob | undefined;

async function freshPglite(dumpPath: string): Promise<TestDb> {
  dump ??= new Blob([fs.readFileSync(dumpPath)]);
  const client = await createPglite(dump);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return { db, kind: "pglite", close: () => client.close() };
}

let counter = 0;

async function admin<T>(serverUrl: string, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

async function freshPostgres(serverUrl: string, template: string): Promise<TestDb> {
  // Prefixed with the template's name so global teardown finds any copy a crashed file left.
  const name = `${template}_${process.pid}_${++counter}_${randomBytes(2).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`create database "${name}" template "${template}"`));
  const pool = createPool({ connectionString: databaseUrlFor(serverUrl, name), max: 4 });
  // pool.end() can resolve before its sockets close; DROP ... WITH (FORCE) then ends them
  // with an error that an idle client hands to the pool, which throws without a listener.
  pool.on("error", () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  let closed = false;
  return {
    db,
    kind: "postgres",
    url: databaseUrlFor(serverUrl, name),
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
      await admin(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
    },
  };
}

/** A private, migrated and demo-seeded database. Close it when done (afterAll). */
export async function freshDb(): Promise<TestDb> {
  const info = inject("knotworkTestDb");
  return info.kind === "pglite" ? freshPglite(info.dumpPath) : freshPostgres(info.serverUrl, info.template);
}

/**
 * Runs `fn` inside a transaction that is always rolled back, so the database is exactly as
 * before afterwards. Use-cases that open their own transaction get a savepoint inside it.
 */
export async function inRolledBackTransaction<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  let result: { value: T } | undefined;
  try {
    await db.transaction(async (tx) => {
      result = { value: await fn(tx as unknown as Db) };
      tx.rollback();
    });
  } catch (err) {
    if (!(err instanceof TransactionRollbackError)) throw err;
  }
  if (!result) throw new Error("inRolledBackTransaction: the callback did not finish");
  return result.value;
}

export async function clinicIdBySlug(db: Db, slug: string): Promise<string> {
  const [row] = await db.select({ id: clinics.id }).from(clinics).where(eq(clinics.slug, slug));
  if (!row) throw new Error(`No clinic with slug ${slug}`);
  return row.id;
}

export async function userIdByEmail(db: Db, email: string): Promise<string> {
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
  if (!row) throw new Error(`No user with email ${email}`);
  return row.id;
}

/** The session a signed-in browser would carry: the user and their chosen clinic. */
export async function sessionFor(
  db: Db,
  email: string,
  clinicSlug = "demo-clinic",
): Promise<SessionInfo & { clinicId: string }> {
  return { userId: await userIdByEmail(db, email), clinicId: await clinicIdBySlug(db, clinicSlug) };
}

/** The actor for a demo account in a clinic, built exactly as a request would build it. */
export async function actorFor(db: Db, email: string, clinicSlug = "demo-clinic"): Promise<Actor> {
  const { userId, clinicId } = await sessionFor(db, email, clinicSlug);
  const actor = await loadActor(db, userId, clinicId);
  if (!actor) throw new Error(`${email} has no live membership in ${clinicSlug}`);
  return actor;
}

/** A client record's id by name, in a clinic (demo data: see db/seed/demo-people.ts). */
export async function clientIdByName(
  db: Db,
  firstName: string,
  lastName: string,
  clinicSlug = "demo-clinic",
): Promise<string> {
  const clinicId = await clinicIdBySlug(db, clinicSlug);
  const [row] = await db
    .select({ id: clients.id })
    .from(clients)
    .where(
      and(
        eq(clients.clinicId, clinicId),
        eq(clients.firstName, firstName),
        eq(clients.lastName, lastName),
        isNull(clients.archivedAt),
      ),
    );
  if (!row) throw new Error(`No client ${firstName} ${lastName} in ${clinicSlug}`);
  return row.id;
}

/** The token at the end of an invitation or reset link (…/invite/<token>). */
export function tokenFromLink(link: string | null | undefined): string {
  const token = link?.split("/").pop();
  if (!token) throw new Error("The link has no token");
  return token;
}
