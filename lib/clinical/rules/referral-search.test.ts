import { describe, expect, it } from "vitest";
import { musclesReferringTo } from "./referral-search";
import { referenceMuscles } from "./test-fixtures";

describe("musclesReferringTo", () => {
  it("puts upper trapezius first for a one-sided tension headache pattern", () => {
    const result = musclesReferringTo(["neck_back_r", "temple_r", "ear_r", "jaw_r"], referenceMuscles);
    expect(result[0]).toMatchObject({
      muscleId: "upper_trapezius",
      side: "right",
      matchedRegions: ["neck_back_r", "temple_r", "ear_r", "jaw_r"],
      coverage: 1,
    });
    expect(result[0]?.specificity).toBeCloseTo(4 / 6, 10);
  });

  it("uses the left-side twin of the reference's right-side zones", () => {
    const result = musclesReferringTo(["neck_back_l", "temple_l"], referenceMuscles);
    expect(result[0]).toMatchObject({
      muscleId: "upper_trapezius",
      side: "left",
      matchedRegions: ["neck_back_l", "temple_l"],
    });
    expect(result.every((c) => c.side !== "right")).toBe(true);
  });

  it("prefers the more specific pattern when two muscles explain the same regions", () => {
    // Both rhomboids (2 zones) and middle/lower trapezius (6 zones) cover these two regions.
    const result = musclesReferringTo(["interscapular_r", "suprascapular_r"], referenceMuscles);
    const ids = result.map((c) => c.muscleId);
    expect(ids[0]).toBe("rhomboids");
    expect(ids.indexOf("rhomboids")).toBeLessThan(ids.indexOf("middle_lower_trapezius"));
    expect(result[0]?.specificity).toBe(1);
  });

  it("ranks by how many painful regions a muscle explains before specificity", () => {
    const result = musclesReferringTo(
      ["buttock_upper_r", "hip_lateral_r", "thigh_back_r", "si_joint_r"],
      referenceMuscles,
    );
    expect(result[0]?.matchedRegions.length).toBe(4);
    expect(["gluteus_medius", "piriformis"]).toContain(result[0]?.muscleId);
    for (let i = 1; i < result.length; i++) {
      expect(result[i - 1]!.matchedRegions.length).toBeGreaterThanOrEqual(result[i]!.matchedRegions.length);
    }
  });

  it("lists both sides once for midline-only pain", () => {
    const result = musclesReferringTo(["sacrum"], referenceMuscles);
    const gmax = result.filter((c) => c.muscleId === "gluteus_maximus");
    expect(gmax).toHaveLength(1);
    expect(gmax[0]).toMatchObject({ side: "both", matchedRegions: ["sacrum"] });
  });

  it("splits sides when pain is on both sides", () => {
    const result = musclesReferringTo(["low_back_r", "low_back_l", "lumbar_spine"], referenceMuscles);
    const multifidus = result.filter((c) => c.muscleId === "multifidus");
    expect(multifidus.map((c) => c.side).sort()).toEqual(["left", "right"]);
    expect(multifidus.find((c) => c.side === "left")?.matchedRegions).toEqual(["low_back_l", "lumbar_spine"]);
  });

  it("returns nothing for no regions or unknown regions, and ignores duplicates", () => {
    expect(musclesReferringTo([], referenceMuscles)).toEqual([]);
    expect(musclesReferringTo(["no_such_region"], referenceMuscles)).toEqual([]);
    const once = musclesReferringTo(["heel_r"], referenceMuscles);
    expect(musclesReferringTo(["heel_r", "heel_r"], referenceMuscles)).toEqual(once);
    expect(once.map((c) => c.muscleId).sort()).toEqual(["plantar_intrinsics", "soleus"]);
  });
});
