import "server-only";
import { TZDate } from "@date-fns/tz";
import { ICalCalendar, ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { isValidTimeZone } from "@/lib/format/zoned";
import { inSecondPass, observances, vtimezone } from "./vtimezone";

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
  /** The appointment's last change: LAST-MODIFIED (RFC 5545 §3.8.7.3). */
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
  /** When this file is produced: DTSTAMP (RFC 5545 §3.8.7.2, with METHOD it is the object's creation). */
  now?: Date;
}

export const UID_DOMAIN = "knotwork";
const DAY_MS = 86_400_000;

const escapeText = (text: string) =>
  text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");

/**
 * An RFC 5545 calendar (CRLF lines folded at 75 octets by ical-generator). Times are local
 * to the clinic's zone (DTSTART;TZID=…) with a VTIMEZONE written from the runtime's tz database
 * for the span of the events (see vtimezone.ts for why), so an appointment at 09:00 in Mexico
 * City shows at 09:00 Mexico City time in any calendar, whether it trusts the TZID or the block.
 * DTSTAMP is when the file was produced and LAST-MODIFIED the appointment's last change.
 */
export function buildIcs({ name, timeZone, events, refreshSeconds, now = new Date() }: IcsOptions): string {
  const zone = timeZone !== "UTC" && isValidTimeZone(timeZone) ? timeZone : null;
  let first = Infinity;
  let last = -Infinity;
  for (const e of events) {
    first = Math.min(first, e.start.getTime(), e.end.getTime());
    last = Math.max(last, e.start.getTime(), e.end.getTime());
  }
  // A day either side: nothing in the file sits outside the block's observances.
  const zoneRules =
    zone && events.length > 0 ? observances(zone, new Date(first - DAY_MS), new Date(last + DAY_MS)) : [];
  const cal = new ICalCalendar({
    prodId: { company: "Knotwork", product: "Knotwork", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // ical-generator escapes SUMMARY and LOCATION but writes NAME / X-WR-CALNAME as given (RFC 5545 §3.3.11 TEXT).
    name: escapeText(name),
    // The zone goes on each event, not the calendar: with a calendar zone ical-generator writes
    // DTSTAMP as local time without "Z", and RFC 5545 requires DTSTAMP in UTC.
    ...(zone
      ? { timezone: { name: null, generator: (tz: string) => vtimezone(tz, zoneRules) }, x: { "X-WR-TIMEZONE": zone } }
      : {}),
    ...(refreshSeconds ? { ttl: refreshSeconds } : {}),
  });
  for (const e of events) {
    const local =
      zone !== null && !inSecondPass(zoneRules, e.start.getTime()) && !inSecondPass(zoneRules, e.end.getTime());
    // ical-generator reads wall-clock fields off a TZDate in the event's zone (a plain Date
    // with no zone is written in UTC).
    const at = (d: Date) => (local ? new TZDate(d.getTime(), zone) : d);
    cal.createEvent({
      id: `${e.id}@${UID_DOMAIN}`,
      start: at(e.start),
      end: at(e.end),
      timezone: local ? zone : null,
      stamp: now,
      lastModified: e.updatedAt ?? null,
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
