import { describe, expect, it } from "vitest";
import { screenExercise } from "./precautions";
import { findExercise, SMR_LIBRARY, type SmrExercise } from "./reference";
import { ownsTool, rankExercisesForTools, substituteCandidates, suggestSubstitute } from "./tools";

const ex = (id: string): SmrExercise => {
  const e = findExercise(id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};

describe("rankExercisesForTools", () => {
  it("puts exercises for owned tools (and hands) first, keeping library order within each group", () => {
    const ranked = rankExercisesForTools(SMR_LIBRARY, ["foam_roller"]);
    const owned = ranked.filter((r) => r.owned).map((r) => r.exercise.tool);
    expect(new Set(owned)).toEqual(new Set(["foam_roller", "hands"]));
    expect(ranked.findIndex((r) => !r.owned)).toBe(owned.length);
    expect(ranked[0]?.exercise.id).toBe("roll_quads");
    expect(ranked.at(-1)?.exercise.id).toBe("gun_lumbar_glute_border");
    expect(ranked).toHaveLength(SMR_LIBRARY.length);
  });

  it("treats hands as always owned", () => {
    expect(ownsTool("hands", [])).toBe(true);
    expect(ownsTool("massage_ball", [])).toBe(false);
  });
});

describe("suggestSubstitute", () => {
  it("swaps a gun exercise for the same muscles with a tool the client has", () => {
    expect(suggestSubstitute(ex("gun_calves"), ["foam_roller"], SMR_LIBRARY)?.id).toBe("roll_calves");
    expect(suggestSubstitute(ex("gun_quads"), ["massage_stick"], SMR_LIBRARY)?.id).toBe("stick_quads");
  });

  it("prefers the same technique when coverage ties (a hold stays a hold)", () => {
    // Ball calf press (hold) and stick calves (rolling) both cover both calf muscles; the roll
    // replaces a roll even though the ball press comes first in the library.
    expect(suggestSubstitute(ex("roll_calves"), ["massage_ball", "massage_stick"], SMR_LIBRARY)?.id).toBe(
      "stick_calves",
    );
    // The hook covers upper trapezius and levator; each ball press covers one: library order breaks the tie.
    expect(suggestSubstitute(ex("hook_upper_trap"), ["massage_ball"], SMR_LIBRARY)?.id).toBe("ball_upper_trap_wall");
  });

  it("accepts partial coverage and says what is missing", () => {
    const [best] = substituteCandidates(ex("roll_adductors"), ["massage_stick"], SMR_LIBRARY);
    expect(best?.exercise.id).toBe("stick_quads");
    expect(best?.missingMuscles).toEqual(["adductors"]);
  });

  it("returns null when no owned tool reaches the muscles, or when the tool is already owned", () => {
    expect(suggestSubstitute(ex("ball_pec_wall"), ["foam_roller", "massage_stick"], SMR_LIBRARY)).toBeNull();
    expect(suggestSubstitute(ex("roll_calves"), ["foam_roller"], SMR_LIBRARY)).toBeNull();
  });

  it("skips substitutes the client's precautions block", () => {
    const pregnant = [{ id: "pregnancy" as const }];
    const isAllowed = (e: SmrExercise) => screenExercise(e, pregnant).verdict !== "block";
    // The ball calf press is a sustained hold: blocked in pregnancy, so no substitute from a ball.
    expect(suggestSubstitute(ex("roll_calves"), ["massage_ball"], SMR_LIBRARY)?.id).toBe("ball_calf_floor");
    expect(suggestSubstitute(ex("roll_calves"), ["massage_ball"], SMR_LIBRARY, { isAllowed })).toBeNull();
  });
});
