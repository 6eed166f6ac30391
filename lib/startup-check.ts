import { parseConfig, ConfigError } from "./config-schema";

/**
 * Validates the environment before the first request, and with PostgreSQL opens the pool
 * and applies migrations at start (so a wrong DATABASE_URL fails now, not on first use);
 * the embedded database starts opening in the background.
 */
export async function checkStartup(): Promise<void> {
  let config;
  try {
    config = parseConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`\n${err.message}\n\nSee README.md, section "Configuration".\n`);
      process.exit(1);
    }
    throw err;
  }
  if (!config.DATABASE_URL) {
    // Embedded PGlite: open (and on a fresh folder create, migrate and seed) in the background
    // from the moment the server starts, not on the first request that needs it. The sign-in
    // page needs no database and is answered meanwhile; the first request that does need it
    // awaits this same opening (db/index.ts keeps one promise per process). Issue 16.
    const { getDatabase } = await import("@/db");
    getDatabase().catch((err) => {
      console.error(`Knotwork could not open the embedded database: ${err instanceof Error ? err.message : "error"}`);
    });
    return;
  }
  if (config.DATABASE_URL) {
    const { getDatabase } = await import("@/db");
    try {
      await getDatabase();
    } catch (err) {
      // The URL may contain a password: name the variable, not its value.
      console.error(
        `Knotwork could not open the database named by DATABASE_URL: ${err instanceof Error ? err.message : "error"}`,
      );
      process.exit(1);
    }
  }
}
