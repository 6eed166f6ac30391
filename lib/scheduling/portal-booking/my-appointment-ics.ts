import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { formatNoticePeriod } from "@/lib/scheduling/rules/cancellation";
import { localDateOf } from "@/lib/format/zoned";
import { buildIcs } from "@/lib/scheduling/calendar-feed/ics";
import { portalPolicy, selectMyAppointments } from "./portal-appointments";

/** One of the client's own appointments as an .ics file (their calendar app imports it). */
export async function myAppointmentIcs(
  db: Db,
  actor: Actor,
  appointmentId: string,
): Promise<{ filename: string; body: string }> {
  assertCan(actor, "portal.self");
  const { name: clinicName, cancellationNoticeHours } = await portalPolicy(db, actor);
  const [row] = await selectMyAppointments(db, actor, eq(appointments.id, appointmentId));
  if (!row) throw notFound("That appointment");
  const body = buildIcs({
    name: clinicName,
    timeZone: actor.clinicTimezone,
    events: [
      {
        id: row.id,
        start: row.startsAt,
        end: row.endsAt,
        sequence: row.version,
        updatedAt: row.updatedAt,
        summary: `${row.typeName} at ${clinicName}`,
        location: row.roomName ? `${clinicName}, ${row.roomName}` : clinicName,
        description: `${row.typeName} with ${row.therapistName}. To cancel, use your ${clinicName} portal up to ${formatNoticePeriod(cancellationNoticeHours)} before, or call the clinic.`,
        cancelled: row.status === "cancelled",
      },
    ],
  });
  const day = localDateOf(row.startsAt, actor.clinicTimezone);
  return { filename: `appointment-${day}.ics`, body };
}
