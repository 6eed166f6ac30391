import "server-only";
import { and, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { availabilityExceptions, therapistHours } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { conflict } from "@/lib/errors";
import { formatFor } from "@/lib/format/clinic-format";
import { expandAvailability } from "@/lib/scheduling/rules/availability";
import { subtractIntervals, type TimeInterval } from "@/lib/scheduling/rules/intervals";
import type { AvailabilityException } from "@/lib/scheduling/rules/schemas";

export interface WorkingTime {
  /** False when the therapist has no weekly hours recorded: nothing is then "outside hours". */
  hoursSet: boolean;
  working: TimeInterval[];
}

/** Each therapist's working time in [from, to): weekly hours with exceptions, in the clinic's zone. */
export async function workingTimeOf(
  db: Db,
  actor: Actor,
  therapistIds: string[],
  from: Date,
  to: Date,
): Promise<Map<string, WorkingTime>> {
  const out = new Map<string, WorkingTime>();
  if (therapistIds.length === 0) return out;
  const [hours, exceptions] = await Promise.all([
    db
      .select()
      .from(therapistHours)
      .where(and(clinicScope(actor, therapistHours), inArray(therapistHours.therapistUserId, therapistIds))),
    db
      .select()
      .from(availabilityExceptions)
      .where(
        and(clinicScope(actor, availabilityExceptions), inArray(availabilityExceptions.therapistUserId, therapistIds)),
      ),
  ]);
  for (const id of therapistIds) {
    const weekly = hours.find((h) => h.therapistUserId === id)?.blocks ?? [];
    out.set(id, {
      hoursSet: weekly.length > 0,
      working: expandAvailability({
        weekly,
        exceptions: exceptions.filter((e) => e.therapistUserId === id).map((e) => e.exception as AvailabilityException),
        timeZone: actor.clinicTimezone,
        from,
        to,
      }),
    });
  }
  return out;
}

/**
 * Refuses, with 409 and details.reason "outside_hours", a placement that is not wholly inside
 * the therapist's working time, unless staff confirmed it. The message says how to override.
 */
export async function assertWithinHours(
  db: Db,
  actor: Actor,
  therapist: { id: string; name: string },
  startsAt: Date,
  endsAt: Date,
  allowOutsideHours: boolean,
) {
  if (allowOutsideHours) return;
  const time = (await workingTimeOf(db, actor, [therapist.id], startsAt, endsAt)).get(therapist.id)!;
  if (!time.hoursSet) return;
  if (subtractIntervals([{ start: startsAt, end: endsAt }], time.working).length === 0) return;
  throw conflict(
    `${formatFor(actor).span(startsAt, endsAt)} is outside ${therapist.name}'s working hours (or on time off). Confirm to book it anyway.`,
    { reason: "outside_hours" },
  );
}
