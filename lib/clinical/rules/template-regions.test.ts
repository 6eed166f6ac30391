import { describe, expect, it } from "vitest";
import { regionName, regionShape } from "./regions";
import { regionIdForSide } from "./side";
import { TEMPLATE_REGIONS } from "./template-regions";
import { referenceMuscles, referenceRegions } from "./test-fixtures";

describe("template regions", () => {
  it("match the reference seed's regions exactly (re-fit deliberately, never by drift)", () => {
    expect(TEMPLATE_REGIONS.map(([id, view, x, y, name]) => ({ id, view, x, y, name }))).toEqual(
      referenceRegions.map((r) => ({
        id: r.id,
        view: r.view,
        x: r.approx_center.x,
        y: r.approx_center.y,
        name: r.name,
      })),
    );
  });

  it("cover every referral zone of every muscle, on both sides", () => {
    for (const m of referenceMuscles) {
      for (const zone of m.referral_zones) {
        expect(regionShape(zone), `${m.id} → ${zone}`).toBeDefined();
        expect(regionShape(regionIdForSide(zone, "left")), `${m.id} → ${zone} (left)`).toBeDefined();
      }
    }
  });

  it("give every region a drawable ellipse inside the frame", () => {
    for (const [id] of TEMPLATE_REGIONS) {
      const shape = regionShape(id)!;
      expect(shape.rx, id).toBeGreaterThan(0.01);
      expect(shape.ry, id).toBeGreaterThanOrEqual(0.012);
      expect(shape.ry, id).toBeLessThanOrEqual(0.06);
    }
    // Limb regions are taller than wide; the thigh is a long zone, not a dot.
    const thigh = regionShape("thigh_front_r")!;
    expect(thigh.ry).toBeGreaterThan(thigh.rx * 0.75);
  });

  it("names regions, falling back to the id for unknown ones", () => {
    expect(regionName("neck_back_r")).toBe("Back of neck (right)");
    expect(regionName("mystery_zone")).toBe("mystery_zone");
    expect(regionShape("mystery_zone")).toBeUndefined();
  });
});
