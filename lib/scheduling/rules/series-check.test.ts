import { describe, expect, it } from "vitest";
import { expandAvailability } from "./availability";
import { expandSeries, type Occurrence } from "./recurrence";
import type { AvailabilityException, WeeklyBlock } from "./schemas";
import { checkSeries, checkSeriesAgainstSchedule, seriesSearchWindow } from "./series-check";
import type { TherapistSchedule } from "./slots";
import { localDateOf, wallTimeOf, zonedInstant } from "@/lib/format/zoned";

const LONDON = "Europe/London";
const hour = { durationMin: 60, bufferAfterMin: 0 };
const label = (d: Date) => `${localDateOf(d, LONDON)} ${wallTimeOf(d, LONDON)}`;
const busyAt = (date: string, from: string, to: string) => ({
  start: zonedInstant(date, from, LONDON),
  end: zonedInstant(date, to, LONDON),
});

/** A therapist's diary loaded for the whole series window, as the use-case will do. */
function diary(
  occurrences: Occurrence[],
  weekly: WeeklyBlock[],
  exceptions: AvailabilityException[] = [],
  busy: TherapistSchedule["busy"] = [],
): TherapistSchedule {
  const window = seriesSearchWindow(occurrences, LONDON)!;
  return { id: "t1", availability: expandAvailability({ weekly, exceptions, timeZone: LONDON, ...window }), busy };
}

describe("checkSeriesAgainstSchedule", () => {
  // A year of Monday 09:00 sessions from 5 January 2026: crosses both London changes.
  const { occurrences } = expandSeries(
    { start: "2026-01-05T09:00", intervalWeeks: 1, count: 52 },
    { timeZone: LONDON, durationMin: 60 },
  );
  const mondaysAndWednesdays: WeeklyBlock[] = [
    { weekday: 1, start: "09:00", end: "17:00" },
    { weekday: 3, start: "09:00", end: "12:00" },
  ];

  it("raises no false conflicts across either DST change when the session sits on the block edge", () => {
    const report = checkSeriesAgainstSchedule(occurrences, {
      type: hour,
      therapist: diary(occurrences, mondaysAndWednesdays),
      rooms: null,
      timeZone: LONDON,
    });
    expect(report.conflicts).toEqual([]);
    expect(report.ok).toHaveLength(52);
  });

  it("checks every occurrence — a clash in week 40 is reported like one in week 2", () => {
    const busy = [busyAt("2026-01-12", "09:30", "10:30"), busyAt("2026-10-05", "08:30", "09:15")];
    const exceptions: AvailabilityException[] = [{ kind: "time_off", startDate: "2026-07-27" }];
    const report = checkSeriesAgainstSchedule(occurrences, {
      type: hour,
      therapist: diary(occurrences, mondaysAndWednesdays, exceptions, busy),
      rooms: null,
      timeZone: LONDON,
    });

    expect(report.conflicts.map((c) => [c.occurrence.index, c.code])).toEqual([
      [1, "therapist_busy"],
      [29, "outside_hours"],
      [39, "therapist_busy"],
    ]);
    expect(report.ok).toHaveLength(49);
    expect(report.conflicts[1]!.reason).toBe("Outside the therapist's working hours.");
  });

  it("offers the free slots nearest the original time as alternatives", () => {
    const busy = [busyAt("2026-10-05", "08:30", "09:15")]; // week 40 (index 39), BST
    const report = checkSeriesAgainstSchedule(occurrences, {
      type: hour,
      therapist: diary(occurrences, mondaysAndWednesdays, [], busy),
      rooms: null,
      timeZone: LONDON,
    });
    const [conflict] = report.conflicts;
    expect(conflict!.occurrence.localDate).toBe("2026-10-05");
    expect(conflict!.alternatives.map((s) => label(s.start))).toEqual([
      "2026-10-05 09:15",
      "2026-10-05 09:30",
      "2026-10-05 09:45",
    ]);
  });

  it("looks at nearby days when the whole day is off, and keeps away from the series itself", () => {
    const exceptions: AvailabilityException[] = [{ kind: "time_off", startDate: "2026-03-30" }]; // the Monday after spring forward
    const report = checkSeriesAgainstSchedule(occurrences, {
      type: hour,
      therapist: diary(occurrences, mondaysAndWednesdays, exceptions),
      rooms: null,
      timeZone: LONDON,
      searchDays: 7,
    });
    const [conflict] = report.conflicts;
    expect(conflict!.code).toBe("outside_hours");
    // Wednesday 1 April is nearer than the neighbouring Mondays, whose 09:00 belongs to the series.
    expect(conflict!.alternatives.map((s) => label(s.start))).toEqual([
      "2026-04-01 09:00",
      "2026-04-01 09:15",
      "2026-04-01 09:30",
    ]);
    const farther = checkSeriesAgainstSchedule(occurrences, {
      type: hour,
      therapist: diary(occurrences, mondaysAndWednesdays, exceptions),
      rooms: null,
      timeZone: LONDON,
      searchDays: 7,
      alternativesLimit: 100,
    }).conflicts[0]!.alternatives.map((s) => label(s.start));
    expect(farther).not.toContain("2026-03-23 09:00");
    expect(farther).not.toContain("2026-04-06 09:00");
    expect(farther).toContain("2026-03-23 10:00");
  });

  it("gives no alternatives when nothing nearby is free", () => {
    const onlySessions: WeeklyBlock[] = [{ weekday: 1, start: "09:00", end: "10:00" }];
    const busy = [busyAt("2026-06-01", "09:00", "10:00")];
    const report = checkSeriesAgainstSchedule(occurrences, {
      type: hour,
      therapist: diary(occurrences, onlySessions, [], busy),
      rooms: null,
      timeZone: LONDON,
      searchDays: 7,
    });
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0]!.alternatives).toEqual([]);
  });

  it("assigns rooms and reports a week where none is free", () => {
    const rooms = [{ id: "room-a", busy: [busyAt("2026-02-09", "09:30", "10:30")] }];
    const report = checkSeriesAgainstSchedule(occurrences.slice(0, 8), {
      type: hour,
      therapist: diary(occurrences.slice(0, 8), mondaysAndWednesdays),
      rooms,
      timeZone: LONDON,
    });
    expect(report.ok.every((o) => o.roomId === "room-a")).toBe(true);
    expect(report.conflicts.map((c) => [c.occurrence.localDate, c.code])).toEqual([["2026-02-09", "room_unavailable"]]);
    expect(label(report.conflicts[0]!.alternatives[0]!.start)).toBe("2026-02-09 10:30");
  });

  it("refuses sessions inside the minimum notice", () => {
    const report = checkSeriesAgainstSchedule(occurrences.slice(0, 3), {
      type: hour,
      therapist: diary(occurrences.slice(0, 3), mondaysAndWednesdays),
      rooms: null,
      timeZone: LONDON,
      earliestStart: zonedInstant("2026-01-12", "12:00", LONDON),
    });
    expect(report.conflicts.map((c) => [c.occurrence.index, c.code])).toEqual([
      [0, "too_soon"],
      [1, "too_soon"],
    ]);
    // Alternatives honour the notice too.
    expect(report.conflicts[1]!.alternatives.every((s) => s.start >= zonedInstant("2026-01-12", "12:00", LONDON))).toBe(
      true,
    );
  });
});

describe("checkSeries (generic hooks)", () => {
  it("checks all occurrences before asking for alternatives, and passes the booked ones", () => {
    const { occurrences } = expandSeries(
      { start: "2026-01-05T09:00", intervalWeeks: 2, count: 26 },
      { timeZone: LONDON, durationMin: 60 },
    );
    const checked: number[] = [];
    let bookedSeen = -1;
    const report = checkSeries(occurrences, {
      check: (o) => {
        checked.push(o.index);
        return o.index === 25 ? { ok: false, code: "therapist_busy" } : { ok: true, roomId: null };
      },
      alternatives: (_o, booked) => {
        bookedSeen = booked.length;
        return [];
      },
    });
    expect(checked).toEqual(occurrences.map((o) => o.index));
    expect(report.conflicts.map((c) => c.occurrence.index)).toEqual([25]);
    expect(bookedSeen).toBe(25);
  });

  it("seriesSearchWindow spans the series plus the search days, in local days", () => {
    const { occurrences } = expandSeries(
      { start: "2026-03-23T09:00", intervalWeeks: 1, count: 2 },
      { timeZone: LONDON, durationMin: 60 },
    );
    const window = seriesSearchWindow(occurrences, LONDON, 3)!;
    expect(window.from.toISOString()).toBe("2026-03-20T00:00:00.000Z");
    expect(window.to.toISOString()).toBe("2026-04-02T23:00:00.000Z"); // midnight BST starting 3 April
    expect(seriesSearchWindow([], LONDON)).toBeNull();
  });
});
