import "server-only";
import { and, eq, gte, isNull, lt, ne } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  appointments,
  appointmentTypes,
  calendarFeeds,
  clients,
  clinics,
  memberships,
  rooms,
  users,
} from "@/db/schema";
import { hashToken } from "@/lib/identity/tokens";
import { notFound } from "@/lib/errors";
import { selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import { buildIcs } from "./ics";
import { currentTherapistOf } from "@/lib/identity/staff/current-therapist";

const DAY_MS = 86_400_000;
/** What a subscribed calendar shows: a month back for reference, half a year ahead. */
export const FEED_DAYS_BACK = 30;
export const FEED_DAYS_AHEAD = 180;

const STATUS_NOTE: Record<string, string> = { arrived: "Arrived", completed: "Completed", no_show: "Did not attend" };

/**
 * "Casey C." — enough for a therapist to recognise the booking on a phone's lock screen,
 * little enough that a glance over their shoulder does not reveal a client's full name.
 */
export function shortClientName(firstName: string, lastName: string): string {
  const initial = lastName.trim().charAt(0).toUpperCase();
  return initial ? `${firstName.trim()} ${initial}.` : firstName.trim();
}

/**
 * The therapist's iCalendar feed, found by its secret token alone (calendar apps send no
 * session). Unknown, revoked, or belonging to someone who is no longer a live therapist of
 * the clinic: NOT_FOUND, the same answer for all. No clinical detail: names, type and room.
 */
export async function renderTherapistFeed(db: Db, token: string, now = new Date()): Promise<string> {
  const [feed] = await db
    .select({
      clinicId: calendarFeeds.clinicId,
      therapistId: calendarFeeds.therapistUserId,
      clinicName: clinics.name,
      timeZone: clinics.timezone,
      therapistName: users.name,
    })
    .from(calendarFeeds)
    .innerJoin(clinics, eq(clinics.id, calendarFeeds.clinicId))
    .innerJoin(users, and(eq(users.id, calendarFeeds.therapistUserId), isNull(users.disabledAt)))
    .innerJoin(
      memberships,
      and(currentTherapistOf(calendarFeeds.clinicId), eq(memberships.userId, calendarFeeds.therapistUserId)),
    )
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  if (!feed) throw notFound("That calendar feed");

  const rows = await selectAppointmentView(db, {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    version: appointments.version,
    updatedAt: appointments.updatedAt,
    bookedVia: appointments.bookedVia,
    firstName: clients.firstName,
    lastName: clients.lastName,
    typeName: appointmentTypes.name,
    roomName: rooms.name,
  })
    .where(
      and(
        eq(appointments.clinicId, feed.clinicId),
        eq(appointments.therapistUserId, feed.therapistId),
        ne(appointments.status, "cancelled"),
        gte(appointments.startsAt, new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS)),
        lt(appointments.startsAt, new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS)),
      ),
    )
    .orderBy(appointments.startsAt);

  return buildIcs({
    name: `${feed.therapistName} – ${feed.clinicName}`,
    timeZone: feed.timeZone,
    refreshSeconds: 3600,
    now,
    events: rows.map((r) => ({
      id: r.id,
      start: r.startsAt,
      end: r.endsAt,
      sequence: r.version,
      updatedAt: r.updatedAt,
      summary: `${shortClientName(r.firstName, r.lastName)} – ${r.typeName}`,
      location: r.roomName,
      description:
        [
          STATUS_NOTE[r.status],
          r.bookedVia === "portal"
            ? "Booked online"
            : r.bookedVia === "public"
              ? "Booked online (new client page)"
              : null,
        ]
          .filter(Boolean)
          .join(". ") || null,
    })),
  });
}
