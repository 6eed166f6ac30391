import "server-only";
import { cache } from "react";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";

/**
 * The settings of the actor's clinic that request paths read beside other things (the portal's booking
 * policy, the programmes' wording and adherence threshold, the questionnaires' scoring choices), in one
 * statement, with — for a client actor — whether their own record says "do not book online" (a yes or no:
 * the staff's reason never leaves the database). Memoised per server render with React's cache(), keyed on
 * the same db and actor: the portal home's cards each read the clinic's row through their own use-case
 * (issue 16). Outside a render it reads every time, and a transaction is a different db.
 */
export const clinicRow = cache(async (db: Db, actor: Actor) => {
  const [row] = await db
    .select({
      name: clinics.name,
      onlineBooking: clinics.onlineBooking,
      cancellationNoticeHours: clinics.cancellationNoticeHours,
      scopeWording: clinics.scopeWording,
      adherenceThresholdPct: clinics.adherenceThresholdPct,
      ndiThresholdPoints: clinics.ndiThresholdPoints,
      maxSkippedSections: clinics.maxSkippedSections,
      // Parameters, not column references: drizzle leaves single-table columns unqualified, and an inner
      // "id" would mean the client's.
      clientFlagged: actor.clientId
        ? sql<boolean>`coalesce((select c.do_not_book_online_reason ~ '\\S' from ${clients} c
            where c.clinic_id = ${actor.clinicId} and c.id = ${actor.clientId}), false)`
        : sql<boolean>`false`,
    })
    .from(clinics)
    .where(eq(clinics.id, actor.clinicId));
  return row;
});
