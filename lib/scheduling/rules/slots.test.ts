import { describe, expect, it } from "vitest";
import { alignToStep, checkSlot, findSlots, occupiedInterval } from "./slots";
import { at, base, DAY, hour, LONDON, span, starts, therapist } from "./slots-test-fixture";
import { wallTimeOf } from "@/lib/format/zoned";

describe("findSlots: working hours and the step grid", () => {
  it("offers every 15-minute start that fits inside the block", () => {
    const slots = findSlots(base({}));
    expect(starts(slots)).toEqual(["09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45", "11:00"]);
    expect(slots[0]).toEqual({ start: at("09:00"), end: at("10:00"), therapistId: "t1", roomId: null });
  });

  it("aligns starts to the step from local midnight, not from the block start", () => {
    const slots = findSlots(base({ therapists: [therapist("t1", [span("09:10", "11:00")])], stepMin: 30 }));
    expect(starts(slots)).toEqual(["09:30", "10:00"]);
  });

  it("aligns to the local clock in a zone with a half-hour offset (Asia/Kolkata, UTC+5:30)", () => {
    const zone = "Asia/Kolkata";
    const slots = findSlots(
      base({
        timeZone: zone,
        therapists: [therapist("t1", [span("09:00", "12:00", DAY, zone)])],
        stepMin: 60,
        from: at("00:00", DAY, zone),
      }),
    );
    expect(starts(slots, zone)).toEqual(["09:00", "10:00", "11:00"]);
    expect(slots[0]!.start.toISOString()).toBe("2026-03-02T03:30:00.000Z");
  });

  it("alignToStep rounds up seconds and leaves aligned instants alone", () => {
    expect(alignToStep(new Date("2026-03-02T09:00:00.000Z"), 15, LONDON).toISOString()).toBe(
      "2026-03-02T09:00:00.000Z",
    );
    expect(alignToStep(new Date("2026-03-02T09:00:00.001Z"), 15, LONDON).toISOString()).toBe(
      "2026-03-02T09:15:00.000Z",
    );
    expect(alignToStep(new Date("2026-03-02T09:14:30.000Z"), 15, LONDON).toISOString()).toBe(
      "2026-03-02T09:15:00.000Z",
    );
  });

  it("respects limit, from and to (slots start before `to`)", () => {
    expect(starts(findSlots(base({ limit: 2 })))).toEqual(["09:00", "09:15"]);
    expect(starts(findSlots(base({ from: at("10:20"), to: at("10:46") })))).toEqual(["10:30", "10:45"]);
  });

  it("finds nothing without availability, and refuses a bad step or limit", () => {
    expect(findSlots(base({ therapists: [therapist("t1", [])] }))).toEqual([]);
    expect(findSlots(base({ therapists: [] }))).toEqual([]);
    expect(() => findSlots(base({ stepMin: 0 }))).toThrow(RangeError);
    expect(() => findSlots(base({ limit: 0 }))).toThrow(RangeError);
    expect(() => findSlots(base({ type: { durationMin: 0, bufferAfterMin: 0 } }))).toThrow(RangeError);
  });
});

describe("findSlots: buffers and existing bookings", () => {
  const withBuffer = { durationMin: 45, bufferAfterMin: 15 };

  it("lets the buffer run past the end of the working block", () => {
    const slots = findSlots(base({ type: withBuffer, therapists: [therapist("t1", [span("09:00", "10:00")])] }));
    // 09:15–10:00 is bookable: the buffer 10:00–10:15 falls after closing.
    expect(starts(slots)).toEqual(["09:00", "09:15"]);
  });

  it("does not let the buffer overlap the next booking", () => {
    const busy = [occupiedInterval(at("10:30"), hour)];
    const slots = findSlots(base({ type: withBuffer, therapists: [therapist("t1", [span("09:00", "12:30")], busy)] }));
    // Needs [start, start + 60) free of the 10:30 booking: up to 09:30, then from 11:30.
    expect(starts(slots)).toEqual(["09:00", "09:15", "09:30", "11:30", "11:45"]);
  });

  it("keeps an existing booking's buffer free", () => {
    const busy = [occupiedInterval(at("09:00"), { durationMin: 60, bufferAfterMin: 15 })];
    const slots = findSlots(base({ therapists: [therapist("t1", [span("09:00", "12:00")], busy)] }));
    expect(starts(slots)).toEqual(["10:15", "10:30", "10:45", "11:00"]);
  });

  it("checks every booking in a busy day, not just the first", () => {
    const busy = [span("09:00", "09:30"), span("10:00", "10:30"), span("11:00", "11:30"), span("12:00", "13:00")];
    const slots = findSlots(
      base({
        type: { durationMin: 30, bufferAfterMin: 0 },
        therapists: [therapist("t1", [span("09:00", "13:00")], busy)],
      }),
    );
    expect(starts(slots)).toEqual(["09:30", "10:30", "11:30"]);
  });
});

describe("findSlots: rooms", () => {
  const rooms = [
    { id: "room-a", busy: [span("09:00", "10:00")] },
    { id: "room-b", busy: [span("09:00", "09:30")] },
  ];

  it("assigns the first free room in preference order and skips times with none", () => {
    const slots = findSlots(base({ type: { durationMin: 30, bufferAfterMin: 0 }, rooms, to: at("10:31") }));
    expect(slots.map((s) => `${wallTimeOf(s.start, LONDON)} ${s.roomId}`)).toEqual([
      "09:30 room-b",
      "09:45 room-b",
      "10:00 room-a",
      "10:15 room-a",
      "10:30 room-a",
    ]);
  });

  it("counts the buffer against the room", () => {
    const oneRoom = [{ id: "room-a", busy: [span("10:00", "11:00")] }];
    const slots = findSlots(base({ type: { durationMin: 30, bufferAfterMin: 15 }, rooms: oneRoom, to: at("11:01") }));
    expect(starts(slots)).toEqual(["09:00", "09:15", "11:00"]);
  });

  it("distinguishes 'no room needed' (null) from 'no room exists' ([])", () => {
    expect(findSlots(base({ rooms: null }))).toHaveLength(9);
    expect(findSlots(base({ rooms: [] }))).toEqual([]);
  });
});

describe("findSlots: therapists", () => {
  const ana = therapist("ana", [span("09:00", "10:00")]);
  const ben = therapist("ben", [span("09:30", "11:00")]);

  it("searches one therapist's diary when only they are given", () => {
    expect(
      findSlots(base({ therapists: [ben], stepMin: 30 })).map((s) => `${wallTimeOf(s.start, LONDON)} ${s.therapistId}`),
    ).toEqual(["09:30 ben", "10:00 ben"]);
  });

  it("orders by start, then by therapist preference; distinctStarts keeps one per time", () => {
    const both = findSlots(base({ therapists: [ben, ana], stepMin: 30 }));
    expect(both.map((s) => `${wallTimeOf(s.start, LONDON)} ${s.therapistId}`)).toEqual([
      "09:00 ana",
      "09:30 ben",
      "10:00 ben",
    ]);
    const anaFirst = findSlots(base({ therapists: [ana, ben], stepMin: 15 }));
    expect(anaFirst.slice(0, 1).map((s) => s.therapistId)).toEqual(["ana"]);
    const distinct = findSlots(base({ therapists: [ana, ben], stepMin: 15, distinctStarts: true, limit: 3 }));
    expect(distinct.map((s) => `${wallTimeOf(s.start, LONDON)} ${s.therapistId}`)).toEqual([
      "09:00 ana",
      "09:30 ben",
      "09:45 ben",
    ]);
  });

  it("limit applies across therapists", () => {
    const many = [1, 2, 3, 4].map((n) => therapist(`t${n}`, [span("09:00", "17:00")]));
    const slots = findSlots(base({ therapists: many, limit: 6 }));
    expect(slots.map((s) => `${wallTimeOf(s.start, LONDON)} ${s.therapistId}`)).toEqual([
      "09:00 t1",
      "09:00 t2",
      "09:00 t3",
      "09:00 t4",
      "09:15 t1",
      "09:15 t2",
    ]);
  });
});

describe("findSlots: minimum notice", () => {
  it("starts at the first grid point after now + notice", () => {
    const now = new Date("2026-03-01T09:07:00Z");
    const earliestStart = new Date(now.getTime() + 24 * 3_600_000);
    const slots = findSlots(base({ from: now, earliestStart, limit: 2 }));
    expect(slots.map((s) => s.start.toISOString())).toEqual(["2026-03-02T09:15:00.000Z", "2026-03-02T09:30:00.000Z"]);
  });
});

describe("checkSlot", () => {
  const t = therapist("t1", [span("09:00", "17:00")], [span("12:00", "13:00")]);
  const rooms = [{ id: "room-a", busy: [span("15:00", "16:00")] }];
  const check = (time: string, earliestStart?: Date) =>
    checkSlot(at(time), { type: { durationMin: 60, bufferAfterMin: 15 }, therapist: t, rooms, earliestStart });

  it("names the first reason a time cannot be booked", () => {
    expect(check("10:00", at("10:30"))).toEqual({ ok: false, code: "too_soon" });
    expect(check("08:30")).toEqual({ ok: false, code: "outside_hours" });
    expect(check("16:30")).toEqual({ ok: false, code: "outside_hours" });
    expect(check("11:00")).toEqual({ ok: false, code: "therapist_busy" }); // 11:00–12:00 + buffer to 12:15
    expect(check("14:00")).toEqual({ ok: false, code: "room_unavailable" }); // buffer 15:00–15:15 hits the room
    expect(check("10:45")).toEqual({ ok: true, roomId: "room-a" }); // ends 11:45, buffer to 12:00
    expect(check("16:00")).toEqual({ ok: true, roomId: "room-a" }); // buffer past closing is fine
  });

  it("every slot the finder offers passes the check", () => {
    const slots = findSlots({
      type: { durationMin: 60, bufferAfterMin: 15 },
      therapists: [t],
      rooms,
      from: at("00:00"),
      limit: 100,
      timeZone: LONDON,
    });
    expect(slots.length).toBeGreaterThan(5);
    for (const s of slots)
      expect(checkSlot(s.start, { type: { durationMin: 60, bufferAfterMin: 15 }, therapist: t, rooms }).ok).toBe(true);
  });
});
