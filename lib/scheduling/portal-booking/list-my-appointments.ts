import "server-only";
import { desc, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { lateCancellationMessage } from "@/lib/scheduling/rules/cancellation";
import { portalPolicy, selectMyAppointmentsWith, toPortalDto } from "./portal-appointments";
import type { MyAppointmentsDto } from "./schemas";

const PAST_LIMIT = 50;

/** The client's upcoming appointments (soonest first) and the rest (latest first). */
export async function listMyAppointments(db: Db, actor: Actor, now = new Date()): Promise<MyAppointmentsDto> {
  assertCan(actor, "portal.self");
  const { cancellationNoticeHours } = await portalPolicy(db, actor);
  const isUpcoming = sql<boolean>`${appointments.status} in ('booked', 'arrived') and ${appointments.endsAt} > ${now.toISOString()}::timestamptz`;
  // Both halves in one statement (union all, each half with its own order and limit); `upcoming` says which
  // half a row is from, and each half is put back in its own order (the union's output order is not promised).
  const half = (upcoming: boolean, where: SQL) =>
    selectMyAppointmentsWith(db, actor, { upcoming: sql<boolean>`${sql.raw(String(upcoming))}` }, where);
  const rows = await half(true, isUpcoming)
    .orderBy(appointments.startsAt)
    .unionAll(
      half(false, sql`not (${isUpcoming})`)
        .orderBy(desc(appointments.startsAt))
        .limit(PAST_LIMIT),
    );
  const at = (r: { startsAt: Date }) => r.startsAt.getTime();
  const upcoming = rows.filter((r) => r.upcoming).sort((a, b) => at(a) - at(b));
  const past = rows.filter((r) => !r.upcoming).sort((a, b) => at(b) - at(a));
  return {
    timeZone: actor.clinicTimezone,
    cancellationNoticeHours,
    lateCancellationMessage: lateCancellationMessage(cancellationNoticeHours),
    upcoming: upcoming.map((r) => toPortalDto(r, cancellationNoticeHours, now)),
    past: past.map((r) => toPortalDto(r, cancellationNoticeHours, now)),
  };
}
