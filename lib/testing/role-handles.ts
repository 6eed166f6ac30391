/**
 * Database handles as production holds them (scripts/db-least-privilege.sql): clinic work as
 * `knotwork_app`, which row-level security binds, and platform work as `knotwork_platform`
 * (BYPASSRLS). The test databases are owned by a superuser, which RLS never binds, so a test that
 * wants the second wall to be real takes one of these (global setup created the roles and grants).
 */
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import { createPool } from "@/db/pool";
import * as schema from "@/db/schema";
import type { Db } from "@/db/client";
import { clinicDb } from "@/db/clinic-db";
import { APP_ROLE, PLATFORM_ROLE } from "./least-privilege";
import type { TestDb } from "./db";

export interface RoleHandles {
  /** Platform work (sign-in, sessions, public booking by slug, …) as the BYPASSRLS role. */
  platform: Db;
  /** One clinic's handle as the NOBYPASSRLS application role (db/clinic-db.ts over it). */
  clinicDb: (clinicId: string) => Promise<Db>;
  close: () => Promise<void>;
}

function poolAs(url: string, role: string): { db: Db; pool: Pool } {
  const u = new URL(url);
  u.username = role;
  u.password = "";
  const pool = createPool({ connectionString: u.toString(), max: 2 });
  pool.on("error", () => {}); // see freshPostgres: a forced DROP DATABASE ends idle sockets
  return { db: drizzlePg(pool, { schema }) as unknown as Db, pool };
}

/**
 * Separate pools that log in as the two roles, exactly as the app does with DATABASE_URL and
 * DATABASE_PLATFORM_URL (PostgreSQL only: PGlite is one connection with one session user; use
 * `productionRolesIn` inside a transaction there). Close them before the database.
 */
export function roleHandles(t: TestDb): RoleHandles | null {
  if (t.kind !== "postgres" || !t.url) return null;
  const app = poolAs(t.url, APP_ROLE);
  const platform = poolAs(t.url, PLATFORM_ROLE);
  return {
    platform: platform.db,
    clinicDb: (clinicId) => clinicDb(app.db, clinicId),
    close: async () => {
      await Promise.all([app.pool.end(), platform.pool.end()]);
    },
  };
}

/**
 * The same two roles inside one transaction (a test's rolled-back one), on both databases: the
 * transaction acts as the platform role until the clinic handle is taken, and as the application
 * role, with the clinic set, from then on — the order in which a request uses them (route():
 * the platform handle finds the actor, the operation then runs on the clinic handle).
 */
export async function productionRolesIn(tx: Db): Promise<Omit<RoleHandles, "close">> {
  await tx.execute(sql.raw(`set local role ${PLATFORM_ROLE}`));
  return {
    platform: tx,
    clinicDb: async (clinicId) => {
      await tx.execute(sql.raw(`set local role ${APP_ROLE}`));
      return clinicDb(tx, clinicId);
    },
  };
}
