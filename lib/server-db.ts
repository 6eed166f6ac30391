import "server-only";
import { connection } from "next/server";
import { getDb as openDb } from "@/db";

/**
 * Pages get the database handle here to pass into lib use-cases. app/ may not import db/
 * or drizzle (eslint), so it cannot query tables itself: only lib functions can.
 * `connection()` marks the page dynamic, so `next build` never opens the database.
 */
export async function getDb() {
  await connection();
  return openDb();
}
