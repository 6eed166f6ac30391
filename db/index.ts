import "server-only";
import path from "node:path";
import { config } from "@/lib/config";
import { openPglite, openPostgres, type OpenDatabase } from "./open";
import { seedDemo } from "./seed/demo";

export type { Db } from "./client";

// One instance per process, kept on globalThis so dev hot reload never opens PGlite twice
// (two handles on one folder would corrupt it).
const globalForDb = globalThis as unknown as { knotworkDb?: Promise<OpenDatabase> };

async function open(): Promise<OpenDatabase> {
  const cfg = config();
  if (cfg.DATABASE_URL) return openPostgres(cfg.DATABASE_URL, cfg.DATABASE_POOL_MAX, cfg.KNOTWORK_MIGRATE === "on");
  const opened = await openPglite(path.resolve(cfg.KNOTWORK_DATA_DIR, "pglite"));
  if (opened.created) {
    // The first run of the embedded database is a developer trying the app: give them demo data.
    await seedDemo(opened.db);
  }
  return opened;
}

export function getDatabase(): Promise<OpenDatabase> {
  globalForDb.knotworkDb ??= open().catch((err) => {
    globalForDb.knotworkDb = undefined;
    throw err;
  });
  return globalForDb.knotworkDb;
}

export async function getDb() {
  return (await getDatabase()).db;
}
