import "server-only";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { eq } from "drizzle-orm";
import { homePathFor, listUserClinics, loadActor, type Actor } from "./actor";
import type { SessionInfo } from "@/lib/identity/session-info";
import { AppError } from "@/lib/errors";
import { TWO_FACTOR_SETUP_PATH } from "./two-factor/paths";

export async function describeSession(db: Db, session: SessionInfo, actor: Actor | null) {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, session.userId));
  if (!user) throw new AppError("UNAUTHENTICATED", "Please sign in.");
  return {
    user,
    clinics: await listUserClinics(db, session.userId),
    current: actor ? { clinicId: actor.clinicId, roles: actor.roles, clientId: actor.clientId } : null,
  };
}

/** Checks the person belongs to the clinic before it becomes their current one. */
export async function chooseClinic(db: Db, session: SessionInfo, clinicId: string) {
  const actor = await loadActor(db, session.userId, clinicId);
  if (!actor) throw new AppError("NOT_FOUND", "You are not a member of that clinic.");
  return { clinicId, home: actor.twoFactorSetupRequired ? TWO_FACTOR_SETUP_PATH : homePathFor(actor.roles) };
}
