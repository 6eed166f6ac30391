import { parseConfig, ConfigError } from "./config-schema";

/**
 * Validates the environment before the first request, and with PostgreSQL opens the pool
 * and applies migrations at start (so a wrong DATABASE_URL fails now, not on first use).
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
