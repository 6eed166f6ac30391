import { describe, expect, it } from "vitest";
import { figureDistance, nearestTriggerPoints } from "./nearest-trigger-points";
import { mirrorPoint } from "./side";
import type { ChartPoint } from "./types";
import { referenceMuscles, trp } from "./test-fixtures";

const at = (view: "front" | "back", x: number, y: number): ChartPoint => ({ view, x, y });

describe("nearestTriggerPoints", () => {
  it("pre-selects the right upper trapezius for a click on UT-1", () => {
    const ut = trp("upper_trapezius", "UT-1");
    const [first] = nearestTriggerPoints(at("back", ut.x, ut.y), referenceMuscles, 3);
    expect(first).toMatchObject({ muscleId: "upper_trapezius", label: "UT-1", side: "right" });
    expect(first?.distance).toBeCloseTo(0, 10);
  });

  it("mirrors to the left side for side-applicable muscles", () => {
    const ut = trp("upper_trapezius", "UT-1");
    const [first] = nearestTriggerPoints(mirrorPoint(at("back", ut.x, ut.y)), referenceMuscles);
    expect(first).toMatchObject({ muscleId: "upper_trapezius", side: "left" });
  });

  it("finds gluteus medius just below the iliac crest and infraspinatus below the scapular spine", () => {
    const gd = trp("gluteus_medius", "GD-2");
    expect(nearestTriggerPoints(at("back", gd.x + 0.004, gd.y + 0.003), referenceMuscles, 1)[0]).toMatchObject({
      muscleId: "gluteus_medius",
      label: "GD-2",
      side: "right",
    });
    const is = trp("infraspinatus", "IS-1");
    // A click on the client's LEFT shoulder blade (back view, image left).
    expect(nearestTriggerPoints(at("back", 1 - is.x, is.y + 0.002), referenceMuscles, 1)[0]).toMatchObject({
      muscleId: "infraspinatus",
      side: "left",
    });
  });

  it("only considers trigger points charted in the clicked view", () => {
    // SCM is charted on the front; the same coordinates on the back view are the suboccipital area.
    const scm = trp("sternocleidomastoid", "SCM-S");
    const front = nearestTriggerPoints(at("front", scm.x, scm.y), referenceMuscles, 5);
    const back = nearestTriggerPoints(at("back", scm.x, scm.y), referenceMuscles, 5);
    expect(front[0]?.muscleId).toBe("sternocleidomastoid");
    expect(back.map((n) => n.muscleId)).not.toContain("sternocleidomastoid");
    expect(
      back.every((n) =>
        referenceMuscles.find((m) => m.id === n.muscleId)!.trigger_points.some((t) => t.approx.view === "back"),
      ),
    ).toBe(true);
  });

  it("returns each muscle once, ranked by distance, at most k", () => {
    const result = nearestTriggerPoints(at("back", 0.54, 0.2), referenceMuscles, 4);
    expect(result).toHaveLength(4);
    expect(new Set(result.map((r) => r.muscleId)).size).toBe(4);
    const distances = result.map((r) => r.distance);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
    expect(nearestTriggerPoints(at("back", 0.54, 0.2), referenceMuscles, 0)).toEqual([]);
  });

  it("drops muscles beyond maxDistance", () => {
    // Mid-thigh on the front: nothing of the neck should come back within 0.05 figure heights.
    const result = nearestTriggerPoints(at("front", 0.41, 0.6), referenceMuscles, 10, { maxDistance: 0.05 });
    expect(result.map((r) => r.muscleId)).toEqual(["vastus_lateralis"]);
  });

  it("measures distance on the figure, where one x unit is 0.75 of a y unit", () => {
    expect(figureDistance({ x: 0.4, y: 0.5 }, { x: 0.5, y: 0.5 })).toBeCloseTo(0.075, 10);
    expect(figureDistance({ x: 0.5, y: 0.4 }, { x: 0.5, y: 0.5 })).toBeCloseTo(0.1, 10);
  });

  it("uses the midline position for muscles that are not charted per side", () => {
    const midline = [
      {
        id: "m",
        name: "Midline muscle",
        side_applicable: false,
        referral_zones: [],
        trigger_points: [{ label: "M-1", approx: { view: "back", x: 0.5, y: 0.3 } }],
      },
    ];
    expect(nearestTriggerPoints(at("back", 0.5, 0.31), midline)[0]).toMatchObject({ side: "midline", label: "M-1" });
  });
});
