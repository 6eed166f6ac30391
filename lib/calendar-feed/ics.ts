import "server-only";
import { TZDate } from "@date-fns/tz";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

export interface IcsEvent {
  /** The appointment id: the UID stays the same however often the feed is fetched. */
  id: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string | null;
  description?: string | null;
  /** Bumped on every change, so calendar apps take the newer copy. */
  sequence?: number;
  updatedAt?: Date;
  cancelled?: boolean;
}

export interface IcsOptions {
  name: string;
  /** The clinic's IANA zone: times are written as its wall-clock with a VTIMEZONE block. */
  timeZone: string;
  events: IcsEvent[];
  /** Suggested refresh for subscribed feeds. */
  refreshSeconds?: number;
}

export const UID_DOMAIN = "knotwork";

const escapeText = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/**
 * An RFC 5545 calendar (CRLF lines folded at 75 octets by ical-generator). Times are local
 * to the clinic's zone (DTSTART;TZID=…) with its VTIMEZONE, so an appointment at 09:00 in
 * London shows at 09:00 London time in any calendar, on both sides of a clock change.
 * A zone without a VTIMEZONE definition falls back to UTC times, which are never wrong.
 */
export function buildIcs({ name, timeZone, events, refreshSeconds }: IcsOptions): string {
  const vtimezone = getVtimezoneComponent(timeZone);
  const zone = vtimezone ? timeZone : null;
  const cal = new ICalCalendar({
    prodId: { company: "Knotwork", product: "Knotwork", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator escapes SUMMARY and LOCATION but writes NAME / X-WR-CALNAME as given (RFC 5545 §3.3.11 TEXT).
    name: escapeText(name),
    // The zone goes on each event, not the calendar: with a calendar zone ical-generator writes
    // DTSTAMP as local time without "Z", and RFC 5545 requires DTSTAMP in UTC.
    ...(zone ? { timezone: { name: null, generator: getVtimezoneComponent }, x: { "X-WR-TIMEZONE": zone } } : {}),
    ...(refreshSeconds ? { ttl: refreshSeconds } : {}),
  });
  for (const e of events) {
    // ical-generator reads wall-clock fields off a TZDate in the event's zone (a plain Date
    // would be read in the server's own zone).
    const at = (d: Date) => (zone ? new TZDate(d.getTime(), zone) : d);
    cal.createEvent({
      id: `${e.id}@${UID_DOMAIN}`,
      start: at(e.start),
      end: at(e.end),
      timezone: zone,
      stamp: e.updatedAt ?? new Date(),
      sequence: e.sequence ?? 0,
      summary: e.summary,
      location: e.location ?? null,
      description: e.description ?? null,
      status: e.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // Every content line ends with CRLF, the last one too.
  return `${cal.toString()}\r\n`;
}

/** An .ics HTTP response: a download (attachment) or a subscribed feed (inline). */
export function icsResponse(body: string, filename: string, disposition: "attachment" | "inline"): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `${disposition}; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      // Personal data: never kept by a shared cache.
      "cache-control": "private, no-store",
    },
  });
}
