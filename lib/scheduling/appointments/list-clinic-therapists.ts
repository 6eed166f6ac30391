import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

/** The clinic's current therapists, optionally only some. */
export async function listClinicTherapists(db: Db, actor: Actor, only: string[] = []) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(currentTherapistOf(actor.clinicId), only.length ? inArray(users.id, only) : undefined))
    .orderBy(asc(users.name));
}
