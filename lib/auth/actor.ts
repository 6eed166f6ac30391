import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, memberships, clients, users } from "@/db/schema";
import type { Role } from "./permissions";
import { AppError } from "@/lib/http/errors";
import type { ClinicLocale } from "@/lib/format/clinic-locales";
import { hasTwoFactor } from "./two-factor/status";

/**
 * The signed-in person acting within one clinic. Every scoped function takes it as a
 * required argument, so "no filter" can never happen by accident.
 */
export interface Actor {
  userId: string;
  email: string;
  name: string;
  clinicId: string;
  clinicName: string;
  clinicTimezone: string;
  /** How the clinic writes dates and times (see lib/format/clinic-format.ts). */
  clinicLocale: ClinicLocale;
  roles: Role[];
  /** Set when the actor is a client: their own client record in this clinic. */
  clientId: string | null;
  /**
   * Staff of a clinic that requires two-factor sign-in, without it yet: their staff roles are
   * withheld (so nothing of the clinic is reachable) until they enrol; pages send them to set-up.
   */
  twoFactorSetupRequired: boolean;
}

export interface ClinicChoice {
  clinicId: string;
  clinicName: string;
  roles: Role[];
}

/** The clinics a user belongs to, with their roles in each. */
export async function listUserClinics(db: Db, userId: string): Promise<ClinicChoice[]> {
  const rows = await db
    .select({ clinicId: clinics.id, clinicName: clinics.name, role: memberships.role })
    .from(memberships)
    .innerJoin(clinics, eq(clinics.id, memberships.clinicId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt), isNull(users.disabledAt)))
    .orderBy(clinics.name);
  const byClinic = new Map<string, ClinicChoice>();
  for (const r of rows) {
    const c = byClinic.get(r.clinicId) ?? { clinicId: r.clinicId, clinicName: r.clinicName, roles: [] };
    c.roles.push(r.role);
    byClinic.set(r.clinicId, c);
  }
  return [...byClinic.values()];
}

/**
 * Builds the actor from the database on every request, so a revoked membership or
 * archived client loses access at once rather than when a token expires.
 * Returns null when the user has no live membership in that clinic.
 */
export async function loadActor(db: Db, userId: string, clinicId: string): Promise<Actor | null> {
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || user.disabledAt) return null;
  const choices = await listUserClinics(db, userId);
  const choice = choices.find((c) => c.clinicId === clinicId);
  if (!choice) return null;
  const [clinic] = await db
    .select({ timezone: clinics.timezone, locale: clinics.locale, requireTwoFactor: clinics.requireTwoFactor })
    .from(clinics)
    .where(eq(clinics.id, clinicId));
  let clientId: string | null = null;
  let roles = choice.roles;
  if (roles.includes("client")) {
    const [client] = await db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.clinicId, clinicId), eq(clients.userId, userId), isNull(clients.archivedAt)));
    clientId = client?.id ?? null;
    // A client membership without a live client record grants nothing.
    if (!clientId) roles = roles.filter((r) => r !== "client");
    if (roles.length === 0) return null;
  }
  let twoFactorSetupRequired = false;
  if (clinic?.requireTwoFactor && roles.some((r) => r !== "client") && !(await hasTwoFactor(db, userId))) {
    // Fail closed: without the staff roles every permission check refuses.
    twoFactorSetupRequired = true;
    roles = roles.filter((r) => r === "client");
  }
  return {
    userId: user.id,
    email: user.email,
    name: user.name,
    clinicId,
    clinicName: choice.clinicName,
    clinicTimezone: clinic?.timezone ?? "UTC",
    clinicLocale: clinic?.locale ?? "en-GB",
    roles,
    clientId,
    twoFactorSetupRequired,
  };
}

export function isStaff(actor: Actor): boolean {
  return actor.roles.includes("admin") || actor.roles.includes("therapist");
}

/** Where each person lands after signing in: clinical work first, then admin, then portal. */
export function homePathFor(roles: readonly Role[]): string {
  if (roles.includes("therapist")) return "/therapist";
  if (roles.includes("admin")) return "/admin";
  if (roles.includes("client")) return "/portal";
  return "/select-clinic";
}

export function requireClientId(actor: Actor): string {
  if (!actor.clientId) throw new AppError("FORBIDDEN", "Only a client can do this.");
  return actor.clientId;
}
