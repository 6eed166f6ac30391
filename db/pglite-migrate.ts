import type { PGlite } from "@electric-sql/pglite";
import { readMigrationFiles } from "drizzle-orm/migrator";

/**
 * drizzle's migrator for PGlite, with each migration sent as one batch. drizzle-orm's own
 * (drizzle-orm/pglite/migrator) sends every statement of every migration as its own query:
 * some 600 round trips through the WebAssembly backend, about 2.8 s of CPU on a fresh folder
 * on the shared machine (issue 16). This reads the same files with drizzle's own reader (so
 * the same statements and hashes), applies exactly the ones drizzle would (newer than the
 * last recorded), all in one transaction as drizzle does, and records them in the same
 * drizzle.__drizzle_migrations table, so PostgreSQL (drizzle's node-postgres migrator) and
 * PGlite run the same migrations and either migrator takes over from the other.
 */
export async function migratePgliteBatched(client: PGlite, migrationsFolder: string): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  await client.exec(`
    CREATE SCHEMA IF NOT EXISTS "drizzle";
    CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (
      id SERIAL PRIMARY KEY,
      hash text NOT NULL,
      created_at bigint
    );`);
  const last = await client.query<{ created_at: string | number }>(
    `select created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1`,
  );
  const lastMillis = last.rows[0] ? Number(last.rows[0].created_at) : null;
  const pending = migrations.filter((m) => lastMillis === null || lastMillis < m.folderMillis);
  if (pending.length === 0) return 0;
  await client.transaction(async (tx) => {
    for (const m of pending) {
      // A ";" on its own line ends each statement even when one lacks it or ends in a comment.
      await tx.exec(m.sql.join("\n;\n"));
      await tx.query(`insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ($1, $2)`, [
        m.hash,
        m.folderMillis,
      ]);
    }
  });
  return pending.length;
}
