import "server-only";
import type { Db } from "@/db/client";
import { recordEvents } from "@/lib/audit/record-event";
import { listUserClinics } from "../actor";

/**
 * Two-factor belongs to the login, not to one clinic, and a code is checked before any clinic
 * is chosen. The audit trail is per clinic, so the event goes to every clinic where the person
 * holds a live membership: each clinic's admins see sign-in activity on their own staff.
 */
export async function recordTwoFactorEvent(
  db: Db,
  userId: string,
  action: string,
  details: Record<string, unknown> = {},
): Promise<void> {
  const clinics = await listUserClinics(db, userId);
  // A login with no clinic (every membership ended) still leaves a trace, on the platform chain.
  if (clinics.length === 0) {
    await recordEvents(db, { clinicId: null, userId }, [{ action, entityType: "user", entityId: userId, details }]);
    return;
  }
  for (const c of clinics) {
    await recordEvents(db, { clinicId: c.clinicId, userId }, [
      { action, entityType: "user", entityId: userId, details },
    ]);
  }
}
