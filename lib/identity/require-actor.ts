import "server-only";
import { cache } from "react";
import { redirect, forbidden } from "next/navigation";
import { connection } from "next/server";
import { getPlatformDb } from "@/db";
import { currentSession } from "./session";
import { loadSessionActor, type Actor } from "./actor";
import { TWO_FACTOR_SETUP_PATH } from "./two-factor/paths";
import type { Permission, Role } from "./permissions";
import { can } from "./scopes";

/**
 * The signed-in actor of this request, or why there is none. React's cache() makes it one
 * resolution per request: the layout and the page both ask, and used to load it twice (issue 16).
 */
export const resolveRequestActor = cache(async (): Promise<Actor | "signed-out" | "no-clinic"> => {
  const session = await currentSession();
  if (!session) return "signed-out";
  const actor = await loadSessionActor(await getPlatformDb(), session.userId, session.clinicId);
  return actor ?? "no-clinic";
});

/**
 * For server components: the signed-in actor in their chosen clinic, or a redirect to
 * sign-in / clinic choice, or a 403 page when their role lacks the permission.
 */
export async function requireActor(
  options: { permission?: Permission; role?: Role; twoFactorSetup?: boolean } = {},
): Promise<Actor> {
  // Per-request data: never prerendered at build time.
  await connection();
  const actor = await resolveRequestActor();
  if (actor === "signed-out") redirect("/signin");
  if (actor === "no-clinic") redirect("/select-clinic");
  // The clinic requires two-factor for staff and this person has not enrolled: set-up only.
  if (actor.twoFactorSetupRequired && !options.twoFactorSetup) redirect(TWO_FACTOR_SETUP_PATH);
  if (options.permission && !can(actor, options.permission)) forbidden();
  if (options.role && !actor.roles.includes(options.role)) forbidden();
  return actor;
}
