import path from "node:path";
import fs from "node:fs";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { createPool } from "./pool";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import * as schema from "./schema";
import type { Db } from "./client";
import { syncReferenceData } from "./seed/reference";
import { initPgliteInWorker } from "./pglite-initdb";
import { migratePgliteBatched } from "./pglite-migrate";

export const migrationsFolder = path.join(process.cwd(), "db", "migrations");

export type DatabaseKind = "postgres" | "pglite";
export interface OpenDatabase {
  db: Db;
  kind: DatabaseKind;
  close: () => Promise<void>;
  /** True when this call created the embedded database folder (first run). */
  created: boolean;
}

// Any 64-bit number works; it only has to be the same for every app server.
const MIGRATION_LOCK_ID = 7_202_611_230;

/** Opens PostgreSQL through a `pg` pool and applies pending migrations under an advisory lock. */
export async function openPostgres(url: string, poolMax = 10, migrate = true): Promise<OpenDatabase> {
  const pool = createPool({ connectionString: url, max: poolMax });
  // An idle connection dropped by the server (restart, failover) must not crash the app:
  // the pool replaces it on the next query.
  pool.on("error", (err) => console.error(`[knotwork] idle database connection lost: ${err.name}`));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  // A least-privilege role (KNOTWORK_MIGRATE=off) cannot create anything; the owner migrates.
  if (!migrate) return { db, kind: "postgres", created: false, close: () => pool.end() };
  const client = await pool.connect();
  try {
    // Several app servers may start at once; only one migrates at a time.
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_ID]);
    try {
      const locked = drizzlePg(client, { schema }) as unknown as Db;
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
      await syncReferenceData(locked);
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_ID]);
    }
  } finally {
    client.release();
  }
  return { db, kind: "postgres", created: false, close: () => pool.end() };
}

/** Creates a PGlite instance with the extensions our migrations need. */
export async function createPglite(dataDir?: string | Blob): Promise<PGlite> {
  if (dataDir instanceof Blob) {
    return PGlite.create({ loadDataDir: dataDir, extensions: { btree_gist, pg_trgm } });
  }
  return PGlite.create(dataDir, { extensions: { btree_gist, pg_trgm } });
}

/** Opens (creating if needed) the embedded database in `dir`, or in memory when `dir` is null. */
export async function openPglite(dir: string | null): Promise<OpenDatabase> {
  let created = true;
  if (dir) {
    created = !fs.existsSync(path.join(dir, "PG_VERSION"));
    // PGlite creates only the last folder of its path.
    fs.mkdirSync(path.dirname(dir), { recursive: true });
    // initdb off the server's thread (db/pglite-initdb.ts). Should the worker fail, a folder it
    // made is removed and PGlite.create below runs initdb on this thread instead.
    const existed = fs.existsSync(dir);
    if (created)
      await initPgliteInWorker(dir).catch(() => {
        if (!existed) fs.rmSync(dir, { recursive: true, force: true });
      });
  }
  const client = await createPglite(dir ?? undefined);
  const pdb = drizzlePglite(client, { schema });
  await migratePgliteBatched(client, migrationsFolder);
  await syncReferenceData(pdb as unknown as Db);
  return { db: pdb as unknown as Db, kind: "pglite", created, close: () => client.close() };
}
