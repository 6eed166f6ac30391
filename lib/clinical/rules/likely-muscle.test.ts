import { describe, expect, it } from "vitest";
import { likelyMuscle } from "./likely-muscle";

const available = ["adductor_longus", "infraspinatus", "levator_scapulae", "upper_trapezius"];

describe("likelyMuscle", () => {
  it("starts on the top 'where to palpate' muscle, not alphabetically on the adductors", () => {
    expect(
      likelyMuscle({
        palpate: [
          { muscleId: "upper_trapezius", side: "left" },
          { muscleId: "levator_scapulae", side: "left" },
        ],
        recorded: [],
        available,
      }),
    ).toEqual({ muscleId: "upper_trapezius", side: "left" });
  });

  it("prefers the muscle the therapist just picked", () => {
    expect(
      likelyMuscle({
        picked: "levator_scapulae",
        palpate: [
          { muscleId: "upper_trapezius", side: "right" },
          { muscleId: "levator_scapulae", side: "both" },
        ],
        recorded: [],
        available,
      }),
    ).toEqual({ muscleId: "levator_scapulae", side: "right" });
  });

  it("falls back to the last muscle recorded at this visit, then to the first in the list", () => {
    expect(
      likelyMuscle({
        palpate: [],
        recorded: [
          { muscleId: "upper_trapezius", clinicMuscleId: null, side: "right" },
          { muscleId: "infraspinatus", clinicMuscleId: null, side: "left" },
        ],
        available,
      }),
    ).toEqual({ muscleId: "infraspinatus", side: "left" });
    expect(likelyMuscle({ palpate: [], recorded: [], available })).toEqual({
      muscleId: "adductor_longus",
      side: "right",
    });
    expect(likelyMuscle({ palpate: [], recorded: [], available: [] })).toBeNull();
  });
});
