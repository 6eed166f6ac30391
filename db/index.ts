import "server-only";
import path from "node:path";
import { config } from "@/lib/config";
import { openPglite, openPostgres, type OpenDatabase } from "./open";
import { clinicDb } from "./clinic-db";
import { seedDemo } from "./seed/demo";
import { storage } from "@/lib/storage";
import { moveExerciseImagesToStorage } from "@/lib/programmes/exercises/move-images-to-storage";

import type { Db } from "./client";
export type { Db } from "./client";

// One instance per process, kept on globalThis so dev hot reload never opens PGlite twice
// (two handles on one folder would corrupt it).
const globalForDb = globalThis as unknown as { knotworkDb?: Promise<OpenDatabase & { platform: Db }> };

async function open(): Promise<OpenDatabase & { platform: Db }> {
  const cfg = config();
  const opened = cfg.DATABASE_URL
    ? await openPostgres(cfg.DATABASE_URL, cfg.DATABASE_POOL_MAX, cfg.KNOTWORK_MIGRATE === "on")
    : await openPglite(path.resolve(cfg.KNOTWORK_DATA_DIR, "pglite"));
  // With row-level security enforced (the least-privilege roles), platform work has its own role.
  const platform =
    cfg.DATABASE_URL && cfg.DATABASE_PLATFORM_URL
      ? (await openPostgres(cfg.DATABASE_PLATFORM_URL, cfg.DATABASE_POOL_MAX, false)).db
      : opened.db;
  // The first run of the embedded database is a developer trying the app: give them demo data.
  if (opened.created) await seedDemo(platform);
  // Migration 0022's data step: exercise pictures still held in the database move to storage.
  const moved = await moveExerciseImagesToStorage(platform, storage());
  if (moved) console.log(`[knotwork] moved ${moved} exercise picture(s) from the database to file storage`);
  return { ...opened, platform };
}

export function getDatabase(): Promise<OpenDatabase & { platform: Db }> {
  globalForDb.knotworkDb ??= open().catch((err) => {
    globalForDb.knotworkDb = undefined;
    throw err;
  });
  return globalForDb.knotworkDb;
}

/**
 * The platform handle: work that belongs to no one clinic or happens before a clinic is known —
 * sign-in and sessions, choosing a clinic, invitations and password resets, public booking by a
 * clinic's slug, kiosk and appointment links, payment webhooks, the job worker, seeding and
 * migrations. Clinic work goes through getClinicDb (row-level security reads its setting).
 */
export async function getPlatformDb() {
  return (await getDatabase()).platform;
}

/** One clinic's data-access handle: every transaction sets app.clinic_id (db/clinic-db.ts). */
export async function getClinicDb(clinicId: string) {
  return clinicDb((await getDatabase()).db, clinicId);
}
