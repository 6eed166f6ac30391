import { describe, expect, it } from "vitest";
import { defaultDosage } from "./dosage";
import {
  clinicianStopRulesFor,
  GENTLE_ITEM_LIMIT,
  PRESSURE_SCALE,
  programmeWarnings,
  stopRulesFor,
  type ProgrammeItem,
} from "./programme-rules";
import { findExercise, SAFETY, SMR_LIBRARY, type SmrExercise } from "./reference";

const ex = (id: string): SmrExercise => {
  const e = findExercise(id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};
const item = (id: string, patch: Partial<ReturnType<typeof defaultDosage>> = {}): ProgrammeItem => ({
  exercise: ex(id),
  dosage: { ...defaultDosage(ex(id)), ...patch },
});
const codes = (items: ProgrammeItem[]) => programmeWarnings(items).map((w) => w.code);

describe("programmeWarnings", () => {
  it("says nothing about a short, distinct programme", () => {
    expect(programmeWarnings([item("ball_upper_trap_wall"), item("roll_quads")])).toEqual([]);
  });

  it("gently warns above five items, not at five", () => {
    const five = ["ball_upper_trap_wall", "ball_pec_wall", "roll_quads", "ball_plantar_roll", "hands_masseter"].map(
      (id) => item(id),
    );
    expect(codes(five)).toEqual([]);
    const six = [...five, item("hands_temporalis")];
    const [w] = programmeWarnings(six);
    expect(w?.code).toBe("too_many_items");
    expect(w?.message).toMatch(/6 exercises.*keep up far better.*5 or fewer/s);
    expect(GENTLE_ITEM_LIMIT).toBe(5);
  });

  it("reports a duplicated exercise once, not also as the same muscle twice", () => {
    expect(codes([item("roll_calves"), item("roll_calves")])).toEqual(["duplicate_exercise"]);
  });

  it("reports one muscle worked by two exercises", () => {
    const warnings = programmeWarnings([item("ball_calf_floor"), item("roll_calves")]);
    expect(warnings.map((w) => w.code)).toEqual(["same_muscle_twice", "same_muscle_twice"]);
    expect(warnings[0]?.message).toMatch(/The gastrocnemius is worked by/);
  });

  it("warns when massage-gun time per session exceeds the 10–15 minute guidance", () => {
    const gun = [
      item("gun_glutes", { secondsPerMuscle: 120, sets: 3 }),
      item("gun_hamstrings", { secondsPerMuscle: 120, sets: 3 }),
    ];
    expect(codes(gun)).toContain("percussion_session_time");
    expect(codes([item("gun_glutes"), item("gun_hamstrings")])).not.toContain("percussion_session_time");
  });

  it("asks for at least one exercise", () => {
    expect(codes([])).toEqual(["empty"]);
  });
});

describe("stopRulesFor", () => {
  it("shows the reference's general stop rules on every exercise, first and in order", () => {
    for (const e of SMR_LIBRARY)
      expect(stopRulesFor(e).slice(0, SAFETY.stop_rules.length), e.id).toEqual(SAFETY.stop_rules);
  });

  it("adds the exercise's own 'stop if…' cautions", () => {
    expect(stopRulesFor(ex("ball_piriformis_floor"))).toContain(
      "Stop immediately if you feel tingling, numbness or pain shooting down the leg (sciatic nerve).",
    );
    expect(stopRulesFor(ex("hands_masseter"))).toContain("Stop if your jaw locks or clicks painfully.");
  });

  it("gives clients plain stop rules and clinicians the clinical ones, paired in the same order", () => {
    const client = stopRulesFor(ex("ball_suboccipital_supine"));
    const clinician = clinicianStopRulesFor(ex("ball_suboccipital_supine"));
    expect(client.slice(0, 4)).toEqual(SAFETY.stop_rules);
    expect(clinician.slice(0, 4)).toEqual(SAFETY.stop_rules_clinician);
    // Plain words for clients: no "SMR", and head/neck work said plainly (reference v2).
    for (const rule of SAFETY.stop_rules) expect(rule).not.toMatch(/\bSMR\b/);
    expect(client.join(" ")).toMatch(/working on your head or neck/);
    expect(clinician.join(" ")).toMatch(/paraesthesia/);
  });

  it("puts numbers on the pressure words: light ≤ 3/10, usual 4–6/10, too much ≥ 7/10", () => {
    expect(PRESSURE_SCALE.bands.map((b) => b.label)).toEqual(["Light: ≤ 3/10", "Usual: 4–6/10", "Too much: ≥ 7/10"]);
  });

  it("leaves out boundaries that merely start with 'Stop' and the generic repeat of rule one", () => {
    expect(stopRulesFor(ex("roll_quads"))).toEqual(SAFETY.stop_rules);
    expect(stopRulesFor(ex("ball_upper_trap_wall"))).toEqual(SAFETY.stop_rules);
  });
});
