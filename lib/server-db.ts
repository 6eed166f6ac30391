import "server-only";
/**
 * Pages get the database handle here to pass into lib use-cases. app/ may not import db/
 * or drizzle (eslint), so it cannot query tables itself: only lib functions can.
 */
export { getDb } from "@/db";
