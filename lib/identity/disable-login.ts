import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";
import { endUserSessions } from "./sessions";

/**
 * The platform operator's switch (scripts/login-access.ts): a disabled login cannot sign in,
 * its sessions end at once, and every clinic it belongs to sees the change in its audit trail.
 * Enabling it again restores sign-in (memberships were never touched).
 */
export async function setLoginDisabled(
  db: Db,
  email: string,
  disabled: boolean,
): Promise<{ found: boolean; sessionsEnded: number }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .update(users)
      .set({ disabledAt: disabled ? new Date() : null })
      .where(sql`lower(${users.email}) = ${email.trim().toLowerCase()}`)
      .returning({ id: users.id });
    if (!user) return { found: false, sessionsEnded: 0 };
    const sessionsEnded = disabled ? await endUserSessions(tx, user.id, "login_disabled") : 0;
    const clinics = await tx
      .selectDistinct({ clinicId: memberships.clinicId })
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), isNull(memberships.revokedAt)));
    for (const { clinicId } of clinics) {
      // The operator is not a clinic member: no actor.
      await recordEvent(
        tx,
        { clinicId, userId: null },
        {
          action: disabled ? "login.disabled" : "login.enabled",
          entityType: "user",
          entityId: user.id,
          details: { by: "platform operator", sessionsEnded },
        },
      );
    }
    return { found: true, sessionsEnded };
  });
}
