import "server-only";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { rowsOf, type Db } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { endUserSessions } from "@/lib/identity/sessions";
import { recordEvent } from "@/lib/audit/record-event";
import { conflict, notFound } from "@/lib/errors";

export type StaffRole = "admin" | "therapist";

/**
 * Removes staff roles from a member of the actor's clinic. The roles end at once: every
 * request rebuilds the actor from live memberships. When the person is left with no live
 * membership in any clinic, their sessions end too (they have nothing left to sign in to);
 * otherwise their sessions stay for their other clinics — one clinic's admin cannot sign a
 * person out of another clinic's work.
 */
export async function removeRoles(db: Db, actor: Actor, userId: string, roles: StaffRole[]) {
  assertCan(actor, "staff.manage");
  return db.transaction(async (tx) => {
    // Serialise removals in this clinic, so two admins removing each other cannot leave none.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`staff:${actor.clinicId}`}))`);
    const live = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(
        and(
          eq(memberships.clinicId, actor.clinicId),
          eq(memberships.userId, userId),
          inArray(memberships.role, roles),
          isNull(memberships.revokedAt),
        ),
      );
    if (live.length === 0) throw notFound("That staff member");
    const removing = live.map((r) => r.role as StaffRole);
    if (removing.includes("admin")) {
      if (userId === actor.userId) throw conflict("You cannot remove your own admin role. Ask another admin.");
      const [admins] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(memberships)
        .where(
          and(eq(memberships.clinicId, actor.clinicId), eq(memberships.role, "admin"), isNull(memberships.revokedAt)),
        );
      if (admins!.n <= 1) throw conflict("A clinic needs at least one admin. Make someone else an admin first.");
    }
    await tx
      .update(memberships)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(memberships.clinicId, actor.clinicId),
          eq(memberships.userId, userId),
          inArray(memberships.role, removing),
          isNull(memberships.revokedAt),
        ),
      );
    // Across every clinic, which row-level security hides from this clinic's handle: a function
    // with its owner's rights counts them (migration 0036).
    const [left] = rowsOf<{ n: number }>(await tx.execute(sql`select live_membership_count(${userId}) as n`));
    const sessionsEnded = left!.n === 0 ? await endUserSessions(tx, userId, "access_removed") : 0;
    await recordEvent(tx, actor, {
      action: "staff.roles_removed",
      entityType: "user",
      entityId: userId,
      details: { roles: removing, sessionsEnded },
    });
    return { removed: removing, sessionsEnded };
  });
}
