import "server-only";
import { redirect, forbidden } from "next/navigation";
import { connection } from "next/server";
import { getDb } from "@/db";
import { currentSession } from "./session";
import { listUserClinics, loadActor, type Actor } from "./actor";
import { TWO_FACTOR_SETUP_PATH } from "./two-factor/paths";
import { rolesHave, type Permission, type Role } from "./permissions";

/**
 * For server components: the signed-in actor in their chosen clinic, or a redirect to
 * sign-in / clinic choice, or a 403 page when their role lacks the permission.
 */
export async function requireActor(
  options: { permission?: Permission; role?: Role; twoFactorSetup?: boolean } = {},
): Promise<Actor> {
  // Per-request data: never prerendered at build time.
  await connection();
  const session = await currentSession();
  if (!session) redirect("/signin");
  const db = await getDb();
  let clinicId = session.clinicId;
  let actor = clinicId ? await loadActor(db, session.userId, clinicId) : null;
  if (!actor) {
    const clinics = await listUserClinics(db, session.userId);
    if (clinics.length === 1) {
      clinicId = clinics[0]!.clinicId;
      actor = await loadActor(db, session.userId, clinicId);
    }
  }
  if (!actor) redirect("/select-clinic");
  // The clinic requires two-factor for staff and this person has not enrolled: set-up only.
  if (actor.twoFactorSetupRequired && !options.twoFactorSetup) redirect(TWO_FACTOR_SETUP_PATH);
  if (options.permission && !rolesHave(actor.roles, options.permission)) forbidden();
  if (options.role && !actor.roles.includes(options.role)) forbidden();
  return actor;
}
