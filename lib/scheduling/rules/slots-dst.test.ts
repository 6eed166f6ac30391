import { describe, expect, it } from "vitest";
import { expandAvailability } from "./availability";
import { findSlots } from "./slots";
import { hour, LONDON, starts, therapist } from "./slots-test-fixture";
import { localDateOf, wallTimeOf, zonedInstant } from "@/lib/format/zoned";

const NEW_YORK = "America/New_York";

describe("findSlots across daylight-saving changes", () => {
  const daily = (zone: string, fromDate: string, toDate: string) =>
    expandAvailability({
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: "09:00", end: "17:00" })),
      timeZone: zone,
      from: zonedInstant(fromDate, "00:00", zone),
      to: zonedInstant(toDate, "00:00", zone),
    });

  it("Europe/London spring forward: slots stay on the hour at 09:00 local", () => {
    const slots = findSlots({
      type: hour,
      therapists: [therapist("t1", daily(LONDON, "2026-03-28", "2026-03-31"))],
      rooms: null,
      from: zonedInstant("2026-03-28", "15:00", LONDON),
      stepMin: 60,
      limit: 4,
      timeZone: LONDON,
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-28T15:00:00.000Z", // Saturday 15:00 GMT
      "2026-03-28T16:00:00.000Z", // Saturday 16:00 GMT, ends at closing
      "2026-03-29T08:00:00.000Z", // Sunday 09:00 BST
      "2026-03-29T09:00:00.000Z",
    ]);
    expect(starts(slots)).toEqual(["15:00", "16:00", "09:00", "10:00"]);
  });

  it("Europe/London autumn: first slot on the Monday after is 09:00 GMT", () => {
    const slots = findSlots({
      type: hour,
      therapists: [therapist("t1", daily(LONDON, "2026-10-23", "2026-10-27"))],
      rooms: null,
      from: zonedInstant("2026-10-23", "16:30", LONDON),
      limit: 2,
      timeZone: LONDON,
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual(["2026-10-24T08:00:00.000Z", "2026-10-24T08:15:00.000Z"]);
    const monday = findSlots({
      type: hour,
      therapists: [therapist("t1", daily(LONDON, "2026-10-26", "2026-10-27"))],
      rooms: null,
      from: zonedInstant("2026-10-26", "00:00", LONDON),
      limit: 1,
      timeZone: LONDON,
    });
    expect(monday[0]!.start.toISOString()).toBe("2026-10-26T09:00:00.000Z");
  });

  it("America/New_York: 09:00 is 14:00Z before 8 March and 13:00Z after", () => {
    const availability = daily(NEW_YORK, "2026-03-07", "2026-03-09");
    const slots = findSlots({
      type: hour,
      therapists: [therapist("t1", availability)],
      rooms: null,
      from: availability[0]!.start,
      stepMin: 60,
      limit: 20,
      timeZone: NEW_YORK,
    });
    const nines = slots.filter((s) => wallTimeOf(s.start, NEW_YORK) === "09:00").map((s) => s.start.toISOString());
    expect(nines).toEqual(["2026-03-07T14:00:00.000Z", "2026-03-08T13:00:00.000Z"]);
    expect(slots.every((s) => s.start.getTime() % 3_600_000 === 0)).toBe(true);
    expect(slots).toHaveLength(16);
  });

  it("the grid follows the clocks through the repeated hour (London, 25 October, 00:00–03:00)", () => {
    const night = {
      start: zonedInstant("2026-10-25", "00:00", LONDON),
      end: zonedInstant("2026-10-25", "03:00", LONDON),
    };
    const slots = findSlots({
      type: { durationMin: 30, bufferAfterMin: 0 },
      therapists: [therapist("t1", [night])],
      rooms: null,
      from: night.start,
      stepMin: 30,
      limit: 20,
      timeZone: LONDON,
    });
    // Four real hours; 01:00 and 01:30 appear twice on the clocks.
    expect(starts(slots)).toEqual(["00:00", "00:30", "01:00", "01:30", "01:00", "01:30", "02:00", "02:30"]);
    expect(new Set(slots.map((s) => localDateOf(s.start, LONDON)))).toEqual(new Set(["2026-10-25"]));
  });
});
