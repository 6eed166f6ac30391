import "server-only";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { clinics, memberships, users } from "@/db/schema";
import { grantedPermissions, type Permission, type Role } from "./permissions";
import { AppError } from "@/lib/errors";
import { DEFAULT_CLINIC_LOCALE, type ClinicLocale } from "@/lib/format/clinic-locales";

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
  /** Permissions the clinic's settings add to the roles (see grantedPermissions). */
  grants: Permission[];
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Builds the actor from the database on every request, so a revoked membership or
 * archived client loses access at once rather than when a token expires.
 * Returns null when the user has no live membership in that clinic.
 *
 * One statement (it was five round trips, 4 of the 5 queries of an API call: issue 16): the
 * login, the clinic, the live roles there, the live client record and whether two-factor is on.
 */
export async function loadActor(db: Db, userId: string, clinicId: string): Promise<Actor | null> {
  if (!UUID.test(userId) || !UUID.test(clinicId)) return null;
  return actorIn(db, userId, sql`${clinicId}::uuid`);
}

/**
 * The actor of a signed-in request: in the clinic chosen in this browser when the person still
 * belongs to it, else in the only clinic they belong to (most people have one and never choose),
 * else null. Same statement as loadActor with the choice made inside it: an API call or page of
 * a one-clinic person used to list their clinics first, a round trip on every request (issue 16).
 */
export async function loadSessionActor(db: Db, userId: string, chosenClinicId: string | null): Promise<Actor | null> {
  if (!UUID.test(userId)) return null;
  const chosen = chosenClinicId && UUID.test(chosenClinicId) ? chosenClinicId : null;
  return actorIn(
    db,
    userId,
    sql`coalesce(
      (select m.clinic_id from memberships m
        where m.user_id = ${userId} and m.clinic_id = ${chosen}::uuid and m.revoked_at is null limit 1),
      (select (array_agg(distinct m.clinic_id))[1] from memberships m
        where m.user_id = ${userId} and m.revoked_at is null having count(distinct m.clinic_id) = 1))`,
  );
}

async function actorIn(db: Db, userId: string, clinic: SQL): Promise<Actor | null> {
  const [row] = rowsOf<{
    clinic_id: string;
    email: string;
    name: string;
    clinic_name: string;
    timezone: string;
    locale: ClinicLocale;
    require_two_factor: boolean;
    billing_for_therapists: boolean;
    roles: Role[] | string;
    client_id: string | null;
    two_factor: boolean;
  }>(
    await db.execute(sql`
      select c.id as clinic_id, u.email, u.name, c.name as clinic_name, c.timezone, c.locale,
        c.require_two_factor, c.billing_for_therapists,
        array(select m.role::text from memberships m
          where m.user_id = u.id and m.clinic_id = c.id and m.revoked_at is null order by m.role) as roles,
        (select cl.id from clients cl
          where cl.clinic_id = c.id and cl.user_id = u.id and cl.archived_at is null limit 1) as client_id,
        exists(select 1 from user_totp t where t.user_id = u.id and t.confirmed_at is not null) as two_factor
      from users u cross join clinics c
      where u.id = ${userId} and c.id = ${clinic} and u.disabled_at is null`),
  );
  if (!row) return null;
  let roles = parseRoles(row.roles);
  if (roles.length === 0) return null;
  const clientId = roles.includes("client") ? row.client_id : null;
  // A client membership without a live client record grants nothing.
  if (!clientId) roles = roles.filter((r) => r !== "client");
  if (roles.length === 0) return null;
  let twoFactorSetupRequired = false;
  if (row.require_two_factor && roles.some((r) => r !== "client") && !row.two_factor) {
    // Fail closed: without the staff roles every permission check refuses.
    twoFactorSetupRequired = true;
    roles = roles.filter((r) => r === "client");
  }
  return {
    userId,
    email: row.email,
    name: row.name,
    clinicId: row.clinic_id,
    clinicName: row.clinic_name,
    clinicTimezone: row.timezone ?? "UTC",
    clinicLocale: row.locale ?? DEFAULT_CLINIC_LOCALE,
    roles,
    grants: grantedPermissions(roles, { billingForTherapists: row.billing_for_therapists }),
    clientId,
    twoFactorSetupRequired,
  };
}

/** PGlite returns a text[] as an array; node-postgres too, but a "{a,b}" literal is accepted as well. */
function parseRoles(v: Role[] | string): Role[] {
  if (Array.isArray(v)) return v;
  return v
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean) as Role[];
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
