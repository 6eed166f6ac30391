import { describe, expect, it } from "vitest";
import { mirrorPoint, pointForSide, regionIdForSide, regionSide, sideAt } from "./side";
import type { ChartView } from "./types";
import { referenceCoordinates, referenceMuscles, referenceRegions } from "./test-fixtures";

describe("sideAt", () => {
  it("puts the client's right on the image's left in the front view (reference meta.coordinates)", () => {
    expect(referenceCoordinates.front_view).toMatch(/RIGHT side is drawn on the viewer's LEFT \(x < 0.5\)/);
    expect(sideAt({ view: "front", x: 0.3, y: 0.5 })).toBe("right");
    expect(sideAt({ view: "front", x: 0.7, y: 0.5 })).toBe("left");
  });

  it("puts the client's right on the image's right in the back view", () => {
    expect(referenceCoordinates.back_view).toMatch(/RIGHT side is on the viewer's RIGHT \(x > 0.5\)/);
    expect(sideAt({ view: "back", x: 0.7, y: 0.5 })).toBe("right");
    expect(sideAt({ view: "back", x: 0.3, y: 0.5 })).toBe("left");
  });

  it("treats a narrow band around x = 0.5 as midline", () => {
    expect(sideAt({ view: "back", x: 0.5, y: 0.3 })).toBe("midline");
    expect(sideAt({ view: "front", x: 0.505, y: 0.3 })).toBe("midline");
    expect(sideAt({ view: "back", x: 0.5, y: 0.3 }, 0)).toBe("midline");
    expect(sideAt({ view: "back", x: 0.505, y: 0.3 }, 0)).toBe("right");
  });

  it("finds every reference trigger point on the client's right, and its mirror on the left", () => {
    let checked = 0;
    for (const m of referenceMuscles) {
      for (const t of m.trigger_points) {
        const { view, x, y, side } = t.approx;
        if (view !== "front" && view !== "back") continue;
        expect(side, `${t.label} declared side`).toBe("right");
        const point = { view: view as ChartView, x, y };
        expect(sideAt(point), `${m.id} ${t.label}`).toBe("right");
        expect(sideAt(mirrorPoint(point)), `${m.id} ${t.label} mirrored`).toBe("left");
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it("agrees with every reference region's declared side", () => {
    for (const r of referenceRegions) {
      const point = { view: r.view as ChartView, ...r.approx_center };
      expect(sideAt(point), r.id).toBe(r.side);
      expect(regionSide(r.id), r.id).toBe(r.side);
    }
  });
});

describe("mirroring and region ids", () => {
  it("mirrors right-side reference coordinates to the left with x' = 1 - x", () => {
    const left = pointForSide("back", 0.585, 0.185, "left");
    expect(left.view).toBe("back");
    expect(left.x).toBeCloseTo(0.415, 12);
    expect(left.y).toBe(0.185);
    expect(pointForSide("back", 0.585, 0.185, "right")).toEqual({ view: "back", x: 0.585, y: 0.185 });
    expect(mirrorPoint({ view: "front", x: 0.25, y: 0.4 })).toEqual({ view: "front", x: 0.75, y: 0.4 });
  });

  it("re-targets _r region ids to _l and leaves midline ids alone", () => {
    expect(regionIdForSide("neck_back_r", "left")).toBe("neck_back_l");
    expect(regionIdForSide("neck_back_l", "right")).toBe("neck_back_r");
    expect(regionIdForSide("occiput", "left")).toBe("occiput");
    expect(regionIdForSide("neck_back_r", "midline")).toBe("neck_back_r");
    // Only a trailing suffix counts: "_r" inside a word is not a side.
    expect(regionIdForSide("forearm_front_radial_r", "left")).toBe("forearm_front_radial_l");
  });

  it("finds a left twin for every right-side region the reference uses", () => {
    const ids = new Set(referenceRegions.map((r) => r.id));
    for (const r of referenceRegions.filter((r) => r.side === "right")) {
      expect(ids.has(regionIdForSide(r.id, "left")), r.id).toBe(true);
    }
  });
});
