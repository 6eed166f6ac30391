import { describe, expect, it } from "vitest";
import type { ExerciseOption } from "@/lib/programmes/schemas";
import {
  aboveSafeRange,
  builderWarnings,
  move,
  newItem,
  searchCatalogue,
  switchTechnique,
  toItemInputs,
} from "./builder-model";

const option = (over: Partial<ExerciseOption> = {}): ExerciseOption => ({
  key: "ball_upper_trap_wall",
  name: "Upper trapezius ball",
  tool: "massage_ball",
  source: "library",
  targetMuscles: [{ id: "upper_trapezius", name: "Upper trapezius", region: "neck_shoulder" }],
  instructions: "Lean into the wall.",
  cautions: [],
  stopRules: [],
  stopRulesClinician: [],
  techniques: ["sustained_pressure", "rolling"],
  defaultDosage: {
    tool: "massage_ball",
    technique: "sustained_pressure",
    intensity: 4,
    secondsPerSpot: 60,
    spots: 2,
    sets: 2,
    restSeconds: 30,
    sessionsPerDay: 1,
    daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
  },
  safeRanges: {
    intensity: [0, 6],
    secondsPerSpot: [30, 90],
    secondsPerMuscle: [30, 120],
    sets: [1, 3],
    spots: [1, 3],
    percussionSecondsPerSession: [0, 600],
  },
  owned: true,
  screen: { verdict: "ok", reasons: [] },
  substitute: null,
  ...over,
});

describe("programme builder model", () => {
  it("asks for an override only above a safe range, and sends it only then", () => {
    const o = option();
    const item = newItem(o);
    expect(aboveSafeRange(item.dosage, o)).toEqual([]);
    const long = { ...item, dosage: { ...item.dosage, secondsPerSpot: 150 }, overrideReason: "Tolerates long holds" };
    expect(aboveSafeRange(long.dosage, o)).toEqual(["Hold per spot 150 is above 30–90"]);
    const map = new Map([[o.key, o]]);
    expect(toItemInputs([long], map)[0]!.override).toEqual({ reason: "Tolerates long holds" });
    expect(toItemInputs([{ ...item, overrideReason: "left over" }], map)[0]!.override).toBeNull();
  });

  it("switches technique keeping what applies and filling the rest from defaults", () => {
    const o = option();
    const rolling = switchTechnique(o.defaultDosage, "rolling", o);
    expect(rolling).toMatchObject({
      technique: "rolling",
      secondsPerMuscle: 75,
      secondsPerSpot: undefined,
      spots: undefined,
    });
    expect(switchTechnique(rolling, "sustained_pressure", o)).toMatchObject({
      secondsPerSpot: 60,
      spots: 2,
      secondsPerMuscle: undefined,
    });
  });

  it("warns when massage-gun time adds up past the 10–15 minute session guidance", () => {
    const gun = option({ key: "gun", name: "Gun calves", tool: "percussive_gun" });
    const item = (seconds: number) => ({
      ...newItem(gun),
      dosage: { ...newItem(gun).dosage, technique: "percussion" as const, secondsPerMuscle: seconds, sets: 3 },
    });
    expect(
      builderWarnings([item(60), item(60)], new Map([["gun", gun]]), 5).some((w) => /Massage-gun time/.test(w)),
    ).toBe(false);
    expect(builderWarnings([item(120), item(120)], new Map([["gun", gun]]), 5)).toContainEqual(
      expect.stringMatching(/about 12 minutes a session/),
    );
  });

  it("warns gently above the item limit and on duplicates; moves and searches", () => {
    const o = option();
    const items = Array.from({ length: 6 }, () => newItem(o));
    const warnings = builderWarnings(items, new Map([[o.key, o]]), 5);
    expect(warnings[0]).toMatch(/6 exercises/);
    expect(warnings[1]).toMatch(/in the programme 6 times/);
    expect(move(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
    expect(move(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    const gun = option({
      key: "gun",
      name: "Gun calves",
      tool: "percussive_gun",
      owned: false,
      targetMuscles: [{ id: "soleus", name: "Soleus", region: "lower_leg" }],
    });
    expect(searchCatalogue([gun, o], { text: "", tool: "", region: "" }).map((x) => x.key)).toEqual([o.key, "gun"]);
    expect(searchCatalogue([gun, o], { text: "soleus", tool: "", region: "" }).map((x) => x.key)).toEqual(["gun"]);
    expect(searchCatalogue([gun, o], { text: "", tool: "", region: "neck_shoulder" }).map((x) => x.key)).toEqual([
      o.key,
    ]);
  });
});
