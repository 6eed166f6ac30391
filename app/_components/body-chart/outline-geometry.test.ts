import { describe, expect, it } from "vitest";
import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";
import { referenceMuscles } from "@/lib/clinical/rules/test-fixtures";
import { SILHOUETTE_POINTS } from "./outline-geometry";

/** Even-odd ray casting against the outline's landmark polygon (the drawn curve passes through them). */
function inside(x: number, y: number): boolean {
  let hit = false;
  const pts = SILHOUETTE_POINTS;
  for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
    const [xi, yi] = pts[i]!;
    const [xj, yj] = pts[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
  }
  return hit;
}

describe("template outline", () => {
  it("contains every reference trigger point, on both sides", () => {
    for (const m of referenceMuscles) {
      for (const t of m.trigger_points) {
        expect(inside(t.approx.x, t.approx.y), `${m.id} ${t.label}`).toBe(true);
        expect(inside(1 - t.approx.x, t.approx.y), `${m.id} ${t.label} (left)`).toBe(true);
      }
    }
  });

  it("contains every reference region centre", () => {
    for (const [id, , x, y] of TEMPLATE_REGIONS) expect(inside(x, y), id).toBe(true);
  });

  it("leaves the gaps between the arms and the trunk, and between the legs, outside", () => {
    expect(inside(0.378, 0.33)).toBe(false);
    expect(inside(0.5, 0.7)).toBe(false);
    expect(inside(0.2, 0.5)).toBe(false);
  });
});
