import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import type { AppointmentView } from "./calendar-schemas";
import { overlapping } from "./overlap";
import { selectAppointmentViews } from "./appointment-views";

/** The signed-in therapist's appointments today (clinic's zone), cancelled ones left out. */
export async function listMyDay(db: Db, actor: Actor): Promise<AppointmentView[]> {
  assertCan(actor, "schedule.manage");
  const today = localDateOf(new Date(), actor.clinicTimezone);
  return selectAppointmentViews(
    db,
    actor,
    and(
      eq(appointments.therapistUserId, actor.userId),
      ne(appointments.status, "cancelled"),
      overlapping(
        zonedInstant(today, 0, actor.clinicTimezone),
        zonedInstant(addLocalDays(today, 1), 0, actor.clinicTimezone),
        "endsAt",
      ),
    ),
  );
}
