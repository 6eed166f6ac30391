import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";

/** The clinic's current therapists, optionally only some. */
export async function listClinicTherapists(db: Db, actor: Actor, only: string[] = []) {
  return db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.clinicId, actor.clinicId),
        eq(memberships.role, "therapist"),
        isNull(memberships.revokedAt),
        only.length ? inArray(users.id, only) : undefined,
      ),
    )
    .orderBy(asc(users.name));
}
