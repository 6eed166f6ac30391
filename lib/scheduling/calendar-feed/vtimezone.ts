/**
 * VTIMEZONE blocks (RFC 5545 §3.6.5) written from the runtime's own tz database (Intl), for
 * exactly the span a calendar file needs.
 *
 * Why not a packaged table: calendar apps that do not know a TZID (Outlook, many Android
 * apps) trust the embedded block, and a packaged table goes stale — the one we shipped before
 * still had Mexico's daylight saving (abolished 2022), Brazil's (2019), Jordan's (2022) and
 * Samoa's (2021), so those appointments showed an hour off. Node's ICU tz data is updated with
 * Node itself, and it is the same database the rest of Knotwork computes instants with.
 *
 * Why not UTC times: a TZID keeps the clinic's zone visible in the calendar app (someone abroad
 * sees "09:00 Mexico City time"), and apps that do know the zone keep the wall-clock time if
 * the rules change after download. An instant that a local time cannot name unambiguously (the
 * second pass through a repeated hour) is still written in UTC by buildIcs.
 *
 * The block lists explicit, non-recurring observances — one at the start of the span and one
 * per offset change inside it — rather than RRULEs guessed from a sample, so every offset it
 * states is one the database reports (checked against Intl in vtimezone.test.ts).
 */
import { tzOffset } from "@date-fns/tz";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Offset (minutes east of UTC) at an instant, from Intl. */
const offsetAt = (timeZone: string, ms: number) => tzOffset(timeZone, new Date(ms));

export interface Observance {
  /** The instant the offset takes effect. */
  at: number;
  from: number;
  to: number;
}

/**
 * Offset changes in [from, to], each found to the minute (transitions are at whole minutes),
 * preceded by the offset in force at `from`. Steps a day at a time: no zone has changed its
 * offset twice within a day.
 */
export function observances(timeZone: string, from: Date, to: Date): Observance[] {
  const start = Math.floor(from.getTime() / MINUTE_MS) * MINUTE_MS;
  const end = to.getTime();
  const first = offsetAt(timeZone, start);
  const list: Observance[] = [{ at: start, from: first, to: first }];
  let lo = start;
  let loOffset = first;
  while (lo < end) {
    const hi = Math.min(lo + DAY_MS, Math.ceil(end / MINUTE_MS) * MINUTE_MS);
    const hiOffset = offsetAt(timeZone, hi);
    if (hiOffset !== loOffset) {
      // Bisect (lo, hi] to the first minute at the new offset.
      let a = lo;
      let b = hi;
      while (b - a > MINUTE_MS) {
        const mid = a + Math.floor((b - a) / 2 / MINUTE_MS) * MINUTE_MS;
        if (offsetAt(timeZone, mid) === loOffset) a = mid;
        else b = mid;
      }
      list.push({ at: b, from: loOffset, to: offsetAt(timeZone, b) });
      lo = b;
      loOffset = offsetAt(timeZone, b);
      continue;
    }
    lo = hi;
  }
  return list;
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "+0530" / "-0300" (RFC 5545 UTC-OFFSET). */
export function utcOffsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}${pad(abs % 60)}`;
}

/** Local DATE-TIME of an instant at a given offset: "20270615T090000". */
export function localDateTimeText(ms: number, offsetMin: number): string {
  const d = new Date(ms + offsetMin * MINUTE_MS);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** The zone's standard (smallest) offset over the year around an instant: the rest is daylight time. */
function standardOffset(timeZone: string, ms: number): number {
  let min = Infinity;
  for (let m = -6; m <= 6; m++) min = Math.min(min, offsetAt(timeZone, ms + m * 30 * DAY_MS));
  return min;
}

/** A short zone name for TZNAME ("BST", "EST"; "GMT-3" where there is no abbreviation). */
function zoneName(timeZone: string, ms: number): string {
  const part = new Intl.DateTimeFormat("en-GB", { timeZone, timeZoneName: "short" })
    .formatToParts(new Date(ms))
    .find((p) => p.type === "timeZoneName");
  // TEXT escaping (RFC 5545 §3.3.11): names are letters, digits, + and -, but stay safe.
  return (part?.value ?? utcOffsetText(offsetAt(timeZone, ms))).replace(/[\\;,\r\n]/g, "");
}

/**
 * True when the clocks' reading at `ms` was already shown earlier (the second pass through a
 * repeated hour after clocks go back). RFC 5545 reads a repeated local time as its first
 * occurrence, so such an instant cannot be written as local time.
 */
export function inSecondPass(list: readonly Observance[], ms: number): boolean {
  return list.some((o) => o.to < o.from && ms >= o.at && ms < o.at + (o.from - o.to) * MINUTE_MS);
}

/** The VTIMEZONE for `timeZone` from its observances (see observances()). CRLF line ends. */
export function vtimezone(timeZone: string, list: readonly Observance[]): string {
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  for (const o of list) {
    const kind = o.to > standardOffset(timeZone, o.at) ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      // DTSTART of an observance is the local time of onset on the clocks before it (§3.6.5).
      `DTSTART:${localDateTimeText(o.at, o.from)}`,
      `TZOFFSETFROM:${utcOffsetText(o.from)}`,
      `TZOFFSETTO:${utcOffsetText(o.to)}`,
      `TZNAME:${zoneName(timeZone, o.at)}`,
      `END:${kind}`,
    );
  }
  lines.push("END:VTIMEZONE");
  return `${lines.join("\r\n")}\r\n`;
}
