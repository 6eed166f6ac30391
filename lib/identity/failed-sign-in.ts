import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordEvent } from "@/lib/audit/record-event";

/**
 * A wrong password for an existing login goes into the audit trail of every clinic the login
 * belongs to, so each clinic's admin can see guessing against their people. Nobody is signed in,
 * so the event has no actor; the account is the entity. An unknown email concerns no clinic:
 * it goes to the platform audit chain (and login_attempts).
 */
export async function recordFailedSignIn(
  db: Db,
  f: {
    userId: string | null;
    address: string | null;
    via: "signin" | "invitation" | "password_change";
    clinicId?: string;
  },
) {
  if (!f.userId) {
    // An unknown email concerns no clinic: the platform chain records the attempt (no email:
    // it is often a typo of someone's real address).
    await recordEvent(
      db,
      { clinicId: null, userId: null },
      {
        action: "signin.failed",
        entityType: "login",
        details: { via: f.via, address: f.address, account: "unknown" },
      },
    );
    return;
  }
  const rows = await db
    .selectDistinct({ clinicId: memberships.clinicId })
    .from(memberships)
    .where(and(eq(memberships.userId, f.userId), isNull(memberships.revokedAt)));
  const clinicIds = new Set(rows.map((r) => r.clinicId));
  // An invitation's clinic hears about it too: it is the one where the password was typed.
  if (f.clinicId) clinicIds.add(f.clinicId);
  for (const clinicId of clinicIds) {
    // No actor: a failed sign-in is by nobody we know (audit_events.actor_user_id is nullable).
    await recordEvent(
      db,
      { clinicId, userId: null },
      {
        action: "signin.failed",
        entityType: "user",
        entityId: f.userId,
        details: { via: f.via, address: f.address },
      },
    );
  }
}
