import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can } from "@/lib/identity/scopes";
import { AppError, notFound } from "@/lib/errors";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

/** The clinic's therapists (id, name), optionally just one; NOT_FOUND for anyone else. */
export async function therapistsOf(db: Db, actor: Actor, only?: string) {
  const rows = await db
    .select({ id: users.id, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(currentTherapistOf(actor.clinicId), only ? eq(users.id, only) : undefined))
    .orderBy(users.name);
  if (only && rows.length === 0) throw notFound("That therapist");
  return rows;
}

/** Admins manage every diary; a therapist only their own. */
export function assertDiary(actor: Actor, therapistId: string) {
  assertCan(actor, "schedule.manage");
  if (!can(actor, "clinic.settings") && actor.userId !== therapistId)
    throw new AppError("FORBIDDEN", "You can change only your own hours.");
}
