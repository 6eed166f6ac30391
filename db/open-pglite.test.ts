/**
 * The embedded database on a fresh folder (issue 16): initdb runs on a worker thread
 * (db/pglite-initdb.ts), the migrations go in batches (db/pglite-migrate.ts) but are drizzle's
 * own — the same files, hashes and bookkeeping table, so drizzle's migrator finds nothing to do
 * afterwards — and the reference data is loaded. Opened again, the folder is not new.
 * PGlite only by nature; it runs in both CI runs.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { rowsOf } from "./client";
import { migrationsFolder, openPglite } from "./open";
import { muscles } from "./schema";

const parent = fs.mkdtempSync(path.join(os.tmpdir(), "knotwork-open-"));
afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

const recorded = async (db: Awaited<ReturnType<typeof openPglite>>["db"]) =>
  rowsOf<{ hash: string; created_at: string }>(
    await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by id`),
  ).map((r) => ({ hash: r.hash, folderMillis: Number(r.created_at) }));

describe("opening the embedded database on a fresh folder", () => {
  it("creates, migrates with drizzle's migrations and loads the reference data; reopens as existing", async () => {
    const dir = path.join(parent, "pglite");
    const first = await openPglite(dir);
    try {
      expect(first.created).toBe(true);
      const files = readMigrationFiles({ migrationsFolder });
      expect(await recorded(first.db)).toEqual(files.map((m) => ({ hash: m.hash, folderMillis: m.folderMillis })));
      expect((await first.db.select({ id: muscles.id }).from(muscles)).length).toBeGreaterThan(0);
      // drizzle-orm's own migrator agrees that nothing is left to apply.
      await migrate(first.db as unknown as PgliteDatabase, { migrationsFolder });
      expect((await recorded(first.db)).length).toBe(files.length);
    } finally {
      await first.close();
    }
    const again = await openPglite(dir);
    try {
      expect(again.created).toBe(false);
      expect((await recorded(again.db)).length).toBe(readMigrationFiles({ migrationsFolder }).length);
    } finally {
      await again.close();
    }
    // initdb and every migration on disk: minutes on the shared machine under load.
  }, 300_000);
});
