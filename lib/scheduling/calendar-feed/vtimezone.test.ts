import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { checkIcs, type IcsComponent } from "@/lib/testing/ics-check";
import { buildIcs, type IcsEvent } from "./ics";

/**
 * Every offset a calendar file states is checked against the runtime's tz database (Intl,
 * read here with formatToParts — not the @date-fns/tz path the generator uses) over the next
 * two years, in zones whose rules changed recently (Mexico City, São Paulo, Amman, Apia), with
 * half-hour daylight time (Lord Howe), negative-DST history (Dublin) and both hemispheres.
 */
const ZONES = [
  "America/Mexico_City",
  "America/Sao_Paulo",
  "Asia/Amman",
  "Pacific/Apia",
  "Europe/London",
  "America/New_York",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Australia/Lord_Howe",
  "Europe/Dublin",
  "America/Santiago",
  "Asia/Kolkata",
];
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.now();
const TWO_YEARS = 2 * 366 * DAY;
/**
 * Each zone's check is exhaustive and CPU-bound (tens of thousands of Intl reads; a python3 process):
 * about a second on a quiet machine, but 35–40 s was seen beside other CPU-heavy jobs on two cores.
 * The time limit catches a hang, not slowness, so it is set well above that.
 */
const EXHAUSTIVE = { timeout: 180_000 };

const formatters = new Map<string, Intl.DateTimeFormat>();
/** Offset in minutes east of UTC at `ms`, read from Intl's wall-clock fields. */
function intlOffset(zone: string, ms: number): number {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(zone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(ms)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!);
  return Math.round((wall - Math.floor(ms / MIN) * MIN) / MIN);
}

const parseOffset = (v: string) => {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(v)!;
  return (m[1] === "-" ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
};
/** "20270615T090000" read as if UTC: a wall-clock reading in ms. */
const readingOf = (v: string) =>
  Date.UTC(+v.slice(0, 4), +v.slice(4, 6) - 1, +v.slice(6, 8), +v.slice(9, 11), +v.slice(11, 13), +v.slice(13, 15));

/** The block as onsets (UTC ms) with their offsets, as RFC 5545 §3.6.5 defines them. */
function interpret(tz: IcsComponent) {
  return tz.children
    .map((o) => {
      const from = parseOffset(o.props.get("TZOFFSETFROM")![0]!.value);
      const to = parseOffset(o.props.get("TZOFFSETTO")![0]!.value);
      return { at: readingOf(o.props.get("DTSTART")![0]!.value) - from * MIN, from, to };
    })
    .sort((a, b) => a.at - b.at);
}
const offsetFromBlock = (obs: ReturnType<typeof interpret>, ms: number) => {
  const current = obs.filter((o) => o.at <= ms).at(-1);
  if (!current) throw new Error(`no observance covers ${new Date(ms).toISOString()}`);
  return current.to;
};
/** A local DTSTART resolved through the block, first occurrence of a repeated time (RFC 5545). */
const resolveLocal = (obs: ReturnType<typeof interpret>, value: string) => {
  const reading = readingOf(value);
  const candidates = [...new Set(obs.map((o) => o.to))]
    .map((off) => reading - off * MIN)
    .filter((ms) => offsetFromBlock(obs, ms) * MIN === reading - ms);
  return Math.min(...candidates);
};

/** An event every 5¼ hours for two years: every quarter hour of the day comes round, both sides of each change. */
function twoYearsOfEvents(): IcsEvent[] {
  const start = Math.ceil(NOW / HOUR) * HOUR;
  const events: IcsEvent[] = [];
  for (let t = start, i = 0; t < start + TWO_YEARS; t += 315 * MIN, i++)
    events.push({ id: `e${i}`, start: new Date(t), end: new Date(t + 45 * MIN), summary: "Treatment" });
  return events;
}

describe("VTIMEZONE written from the runtime's tz database", () => {
  const events = twoYearsOfEvents();

  it.each(ZONES)("%s: every emitted offset and every event time matches Intl for two years", EXHAUSTIVE, (zone) => {
    const { problems, calendar } = checkIcs(buildIcs({ name: "Clinic", timeZone: zone, events }));
    expect(problems).toEqual([]);
    const blocks = calendar!.children.filter((c) => c.name === "VTIMEZONE");
    expect(blocks.map((b) => b.props.get("TZID")![0]!.value)).toEqual([zone]);
    const obs = interpret(blocks[0]!);

    // Each stated offset: TZOFFSETFROM just before the onset, TZOFFSETTO from it on.
    for (const [i, o] of obs.entries()) {
      expect(intlOffset(zone, o.at), `TZOFFSETTO of observance ${i}`).toBe(o.to);
      if (i > 0) expect(intlOffset(zone, o.at - MIN), `TZOFFSETFROM of observance ${i}`).toBe(o.from);
    }
    // Between onsets: every half hour of the span (transitions fall on :00 or :30 UTC).
    for (let ms = obs[0]!.at; ms < NOW + TWO_YEARS; ms += 30 * MIN)
      if (offsetFromBlock(obs, ms) !== intlOffset(zone, ms))
        throw new Error(`${zone} at ${new Date(ms).toISOString()}: block says ${offsetFromBlock(obs, ms)}`);

    // Every event's DTSTART/DTEND, read through the block, is the appointment's instant.
    const vevents = calendar!.children.filter((c) => c.name === "VEVENT");
    expect(vevents).toHaveLength(events.length);
    for (const [i, ev] of vevents.entries()) {
      for (const [prop, want] of [
        ["DTSTART", events[i]!.start],
        ["DTEND", events[i]!.end],
      ] as const) {
        const p = ev.props.get(prop)![0]!;
        const got = p.params.TZID ? resolveLocal(obs, p.value) : readingOf(p.value.replace(/Z$/, ""));
        if (got !== want.getTime()) throw new Error(`${zone} ${prop} ${p.value}: ${new Date(got).toISOString()}`);
      }
    }
  });

  it("keeps a Mexico City appointment in June 2027 at 09:00 −06:00 (no daylight time since 2022)", () => {
    const start = new Date("2027-06-15T15:00:00Z");
    const ics = buildIcs({
      name: "Clinic",
      timeZone: "America/Mexico_City",
      events: [{ id: "a", start, end: new Date(start.getTime() + HOUR), summary: "Treatment" }],
    });
    expect(ics).toContain("DTSTART;TZID=America/Mexico_City:20270615T090000");
    expect(ics).not.toMatch(/TZOFFSETTO:-0500/);
    expect(ics).toMatch(/TZOFFSETTO:-0600/);
  });

  it("writes the second pass through a repeated hour in UTC, which a local time cannot name", () => {
    // 31 Oct 2027, London: 01:15 GMT (01:15Z) follows 01:15 BST (00:15Z).
    const first = new Date("2027-10-31T00:15:00Z");
    const second = new Date("2027-10-31T01:15:00Z");
    const ics = buildIcs({
      name: "Clinic",
      timeZone: "Europe/London",
      events: [
        { id: "first", start: first, end: new Date(first.getTime() + 30 * MIN), summary: "A" },
        { id: "second", start: second, end: new Date(second.getTime() + 30 * MIN), summary: "B" },
      ],
    });
    expect(ics).toContain("DTSTART;TZID=Europe/London:20271031T011500");
    expect(ics).toContain("DTSTART:20271031T011500Z");
  });

  it("stamps DTSTAMP with when the file was made and LAST-MODIFIED with the appointment's last change", () => {
    const ics = buildIcs({
      name: "Clinic",
      timeZone: "Europe/London",
      now: new Date("2026-12-06T10:11:12Z"),
      events: [
        {
          id: "a",
          start: new Date("2027-01-05T09:00:00Z"),
          end: new Date("2027-01-05T10:00:00Z"),
          summary: "A",
          updatedAt: new Date("2026-11-30T08:00:00Z"),
        },
      ],
    });
    expect(ics).toContain("DTSTAMP:20261206T101112Z");
    expect(ics).toContain("LAST-MODIFIED:20261130T080000Z");
  });
});

/**
 * An independent reader: Python's icalendar builds a tzinfo from our VTIMEZONE block alone
 * (Timezone.to_tz, not its own zone database) and resolves each event's local time with it.
 * Debian's python3-icalendar, run with /usr/bin/python3 (.ci/run installs it).
 */
describe("read by python3-icalendar", () => {
  const PY = `
import sys, json
from datetime import datetime, timezone
from icalendar import Calendar
cal = Calendar.from_ical(sys.stdin.read())
zones = {str(c['TZID']): c.to_tz() for c in cal.walk('VTIMEZONE')}
out = []
for ev in cal.walk('VEVENT'):
    p = ev['DTSTART']
    raw = p.to_ical().decode()
    tzid = p.params.get('TZID')
    naive = datetime.strptime(raw.rstrip('Z'), '%Y%m%dT%H%M%S')
    at = zones[tzid].localize(naive) if tzid else naive.replace(tzinfo=timezone.utc)
    out.append(int(at.timestamp() * 1000))
print(json.dumps(out))
`;

  it.each(ZONES)("%s: 09:00 and 15:00 on every day of the next two years", EXHAUSTIVE, (zone) => {
    // Clinic hours only: pytz-style localize cannot be told RFC 5545's "first occurrence" rule,
    // and no clinic books inside a repeated hour.
    const events: IcsEvent[] = [];
    const intlWall = (ms: number) => ms + intlOffset(zone, ms) * MIN;
    for (let d = 0; d < 731; d++) {
      for (const hour of [9, 15]) {
        // The instant the clinic's clocks read `hour`:00 on day d (from Intl, independently).
        const day = new Date(NOW + d * DAY);
        const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour);
        let ms = wall - intlOffset(zone, wall) * MIN;
        ms = wall - intlOffset(zone, ms) * MIN;
        expect(intlWall(ms)).toBe(wall);
        events.push({ id: `${d}-${hour}`, start: new Date(ms), end: new Date(ms + HOUR), summary: "Treatment" });
      }
    }
    const run = spawnSync("/usr/bin/python3", ["-c", PY], {
      input: buildIcs({ name: "Clinic", timeZone: zone, events }),
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(run.stderr.toString(), "python3-icalendar (apt-get install -y python3-icalendar)").toBe("");
    expect(JSON.parse(run.stdout.toString())).toEqual(events.map((e) => e.start.getTime()));
  });
});
