import { describe, expect, it } from "vitest";
import {
  clipIntervals,
  containedIn,
  intersectIntervals,
  interval,
  normalize,
  overlaps,
  overlapsAny,
  subtractIntervals,
  type TimeInterval,
} from "./intervals";

/** Intervals on 2 March 2026 written as "HH:MM-HH:MM" (UTC) to keep the cases readable. */
const at = (hhmm: string) => new Date(`2026-03-02T${hhmm}:00Z`);
const iv = (s: string): TimeInterval => {
  const [a, b] = s.split("-") as [string, string];
  return interval(at(a), at(b));
};
const show = (list: TimeInterval[]) =>
  list.map((i) => `${i.start.toISOString().slice(11, 16)}-${i.end.toISOString().slice(11, 16)}`);

describe("overlaps (half-open)", () => {
  it("back-to-back intervals do not overlap", () => {
    expect(overlaps(iv("09:00-10:00"), iv("10:00-11:00"))).toBe(false);
    expect(overlaps(iv("09:00-10:01"), iv("10:00-11:00"))).toBe(true);
  });

  it("an empty interval overlaps nothing", () => {
    expect(overlaps(iv("09:30-09:30"), iv("09:00-10:00"))).toBe(false);
  });

  it("refuses an inverted interval", () => {
    expect(() => iv("10:00-09:00")).toThrow(RangeError);
  });
});

describe("normalize / merge", () => {
  it("sorts, merges overlapping and touching intervals, drops empty ones", () => {
    const merged = normalize([
      iv("13:00-14:00"),
      iv("09:00-10:00"),
      iv("09:30-11:00"),
      iv("11:00-12:00"),
      iv("15:00-15:00"),
    ]);
    expect(show(merged)).toEqual(["09:00-12:00", "13:00-14:00"]);
  });

  it("keeps a contained interval inside its container", () => {
    expect(show(normalize([iv("09:00-17:00"), iv("10:00-11:00")]))).toEqual(["09:00-17:00"]);
  });

  it("throws on an inverted interval given as a plain object", () => {
    expect(() => normalize([{ start: at("10:00"), end: at("09:00") }])).toThrow(RangeError);
  });
});

describe("subtractIntervals", () => {
  it("cuts a hole in the middle", () => {
    expect(show(subtractIntervals([iv("09:00-17:00")], [iv("12:00-13:00")]))).toEqual(["09:00-12:00", "13:00-17:00"]);
  });

  it("trims edges and removes wholly covered intervals", () => {
    const out = subtractIntervals(
      [iv("09:00-12:00"), iv("13:00-14:00"), iv("15:00-18:00")],
      [iv("08:00-10:00"), iv("12:30-14:30"), iv("17:00-19:00")],
    );
    expect(show(out)).toEqual(["10:00-12:00", "15:00-17:00"]);
  });

  it("handles several cuts inside one interval", () => {
    const out = subtractIntervals([iv("09:00-17:00")], [iv("10:00-10:30"), iv("11:00-11:30"), iv("16:00-17:00")]);
    expect(show(out)).toEqual(["09:00-10:00", "10:30-11:00", "11:30-16:00"]);
  });

  it("returns the input when nothing is removed", () => {
    expect(show(subtractIntervals([iv("09:00-10:00")], []))).toEqual(["09:00-10:00"]);
  });
});

describe("intersect and clip", () => {
  it("keeps only the shared instants", () => {
    const out = intersectIntervals([iv("09:00-12:00"), iv("13:00-17:00")], [iv("11:00-14:00"), iv("16:00-18:00")]);
    expect(show(out)).toEqual(["11:00-12:00", "13:00-14:00", "16:00-17:00"]);
  });

  it("clips to a window", () => {
    expect(show(clipIntervals([iv("08:00-10:00"), iv("11:00-12:00"), iv("16:00-20:00")], iv("09:00-17:00")))).toEqual([
      "09:00-10:00",
      "11:00-12:00",
      "16:00-17:00",
    ]);
  });
});

describe("binary-search lookups on a normalized list", () => {
  const list = normalize([iv("09:00-12:00"), iv("13:00-17:00")]);

  it("overlapsAny respects half-open ends", () => {
    expect(overlapsAny(list, iv("12:00-13:00"))).toBe(false);
    expect(overlapsAny(list, iv("11:59-13:00"))).toBe(true);
    expect(overlapsAny(list, iv("17:00-18:00"))).toBe(false);
    expect(overlapsAny(list, iv("08:00-09:00"))).toBe(false);
    expect(overlapsAny([], iv("08:00-09:00"))).toBe(false);
  });

  it("containedIn needs one interval to hold the whole range", () => {
    expect(containedIn(list, iv("09:00-12:00"))).toBe(true);
    expect(containedIn(list, iv("16:00-17:00"))).toBe(true);
    expect(containedIn(list, iv("11:30-13:30"))).toBe(false);
    expect(containedIn(list, iv("16:30-17:30"))).toBe(false);
    expect(containedIn([], iv("09:00-10:00"))).toBe(false);
  });
});
