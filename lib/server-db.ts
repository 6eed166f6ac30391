import "server-only";
import { connection } from "next/server";
import { redirect } from "next/navigation";
import { getClinicDb, getPlatformDb as openPlatformDb } from "@/db";
import { resolveRequestActor } from "@/lib/identity/require-actor";

/**
 * Pages get the database handle here to pass into lib use-cases. app/ may not import db/
 * or drizzle (eslint), so it cannot query tables itself: only lib functions can.
 * `connection()` marks the page dynamic, so `next build` never opens the database.
 *
 * getDb() is the signed-in actor's clinic handle (every transaction sets app.clinic_id, which
 * row-level security reads); a page without a clinic actor is sent to sign in or choose a clinic,
 * as requireActor() would.
 */
export async function getDb() {
  await connection();
  const actor = await resolveRequestActor();
  if (actor === "signed-out") redirect("/signin");
  if (actor === "no-clinic") redirect("/select-clinic");
  return getClinicDb(actor.clinicId);
}

/**
 * The platform handle, for pages that are no one clinic's or come before a clinic is known:
 * public booking by slug, invitation, reset, kiosk and appointment links, a login's devices,
 * payment webhooks. Each finds its clinic from the link or slug and scopes its own queries.
 */
export async function getPlatformDb() {
  await connection();
  return openPlatformDb();
}
