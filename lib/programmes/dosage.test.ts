import { describe, expect, it } from "vitest";
import { checkDosage, defaultDosage, dosageSchema, validateWithOverride, type DosageInput } from "./dosage";
import { findExercise, SMR_LIBRARY, type SmrExercise } from "./reference";

const ex = (id: string): SmrExercise => {
  const e = findExercise(id);
  if (!e) throw new Error(`missing ${id}`);
  return e;
};

describe("defaultDosage", () => {
  it("is schema-valid and in range for every library exercise", () => {
    for (const e of SMR_LIBRARY) {
      const d = defaultDosage(e);
      expect(dosageSchema.safeParse(d).success, e.id).toBe(true);
      expect(checkDosage(d, e), e.id).toEqual([]);
    }
  });

  it("takes a sustained-pressure exercise's hold, sets and days from the library", () => {
    const d = defaultDosage(ex("ball_upper_trap_wall"));
    expect(d).toMatchObject({
      technique: "sustained_pressure",
      secondsPerSpot: 60,
      spots: 2,
      sets: 2,
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    });
    expect(d.secondsPerMuscle).toBeUndefined();
  });

  it("gives a massage gun percussion, a round head and Monday–Friday for 5×/week", () => {
    const d = defaultDosage(ex("gun_quads"));
    expect(d).toMatchObject({
      tool: "percussive_gun",
      attachment: "round",
      technique: "percussion",
      secondsPerMuscle: 60,
      sets: 1,
    });
    expect(d.daysOfWeek).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("dosageSchema", () => {
  const base = (): DosageInput => ({ ...defaultDosage(ex("roll_calves")) });

  it("sorts days and rejects duplicates and days outside 1–7 with a clear message", () => {
    expect(dosageSchema.parse({ ...base(), daysOfWeek: [5, 1, 3] }).daysOfWeek).toEqual([1, 3, 5]);
    const dup = dosageSchema.safeParse({ ...base(), daysOfWeek: [1, 1] });
    expect(dup.error?.issues[0]?.message).toBe("Each day of the week can be chosen once.");
    const zero = dosageSchema.safeParse({ ...base(), daysOfWeek: [0] });
    expect(zero.error?.issues[0]?.message).toMatch(/1 \(Monday\) to 7 \(Sunday\)/);
    expect(dosageSchema.safeParse({ ...base(), daysOfWeek: [] }).error?.issues[0]?.message).toMatch(/at least one day/);
  });

  it("rejects intensity outside the 0–10 scale", () => {
    expect(dosageSchema.safeParse({ ...base(), intensity: 11 }).success).toBe(false);
    expect(dosageSchema.safeParse({ ...base(), intensity: 4.5 }).success).toBe(false);
  });

  it("ties technique to tool and keeps the gun moving", () => {
    const wrong = dosageSchema.safeParse({ ...base(), technique: "percussion" });
    expect(wrong.error?.issues.map((i) => i.path[0])).toContain("technique");
    const gun = defaultDosage(ex("gun_calves"));
    const linger = dosageSchema.safeParse({ ...gun, secondsPerSpot: 30 });
    expect(linger.error?.issues[0]?.message).toMatch(/Keep a massage gun moving/);
    expect(dosageSchema.safeParse({ ...base(), attachment: "bullet" }).error?.issues[0]?.message).toMatch(
      /Only a massage gun/,
    );
  });

  it("requires the time field that matches the technique", () => {
    const { secondsPerMuscle: _omit, ...noTime } = base();
    expect(dosageSchema.safeParse(noTime).error?.issues[0]?.path).toEqual(["secondsPerMuscle"]);
  });
});

describe("checkDosage", () => {
  it("uses the exercise's own range (upper trapezius gun 15–60 s, not the general 30–120 s)", () => {
    const e = ex("gun_upper_trap");
    const issues = checkDosage({ ...defaultDosage(e), secondsPerMuscle: 90 }, e);
    expect(issues).toEqual([
      expect.objectContaining({
        field: "secondsPerMuscle",
        value: 90,
        safeRange: [15, 60],
        direction: "above",
        requiresOverride: true,
      }),
    ]);
  });

  it("never lets a clinic's own exercise widen the guidance: a 600 s range still needs an override above 120 s", () => {
    const own: SmrExercise = {
      ...ex("gun_upper_trap"),
      id: "clinic:7d0e3c1a-0000-4000-8000-000000000001",
      dosage: { duration_seconds: 60, duration_seconds_range: [30, 600], sets: 1, frequency_per_week: 3 },
    };
    const issues = checkDosage({ ...defaultDosage(own), secondsPerMuscle: 600 }, own);
    expect(issues).toContainEqual(
      expect.objectContaining({ field: "secondsPerMuscle", safeRange: [30, 120], requiresOverride: true }),
    );
    // A narrower clinic range is kept.
    const careful: SmrExercise = { ...own, dosage: { ...own.dosage, duration_seconds_range: [30, 45] } };
    expect(checkDosage({ ...defaultDosage(careful), secondsPerMuscle: 60 }, careful)).toContainEqual(
      expect.objectContaining({ safeRange: [30, 45] }),
    );
  });

  it("falls back to the general hold guidance when the exercise has no hold range", () => {
    const e = ex("roll_calves");
    const hold = {
      ...defaultDosage(e),
      technique: "sustained_pressure" as const,
      secondsPerSpot: 120,
      secondsPerMuscle: undefined,
    };
    expect(checkDosage(hold, e)).toEqual([expect.objectContaining({ field: "secondsPerSpot", safeRange: [30, 90] })]);
  });

  it("flags intensity above the 'good hurt' band, too many sets and spots", () => {
    const e = ex("ball_piriformis_floor");
    const fields = checkDosage({ ...defaultDosage(e), intensity: 8, sets: 4, spots: 5 }, e).map((i) => i.field);
    expect(fields).toEqual(["intensity", "sets", "spots"]);
  });

  it("applies the global massage-gun session limit to a single item", () => {
    const e = ex("gun_glutes");
    const issues = checkDosage({ ...defaultDosage(e), secondsPerMuscle: 300, sets: 3 }, e);
    expect(issues.map((i) => i.field)).toEqual(["secondsPerMuscle", "percussionSecondsPerSession"]);
    expect(issues[1]).toMatchObject({ value: 900, safeRange: [0, 600] });
  });

  it("reports below-range times without requiring an override", () => {
    const e = ex("ball_calf_floor");
    const [issue] = checkDosage({ ...defaultDosage(e), secondsPerSpot: 15 }, e);
    expect(issue).toMatchObject({ direction: "below", requiresOverride: false });
    expect(issue?.message).toMatch(/below the usual range 30–90/);
  });
});

describe("validateWithOverride", () => {
  const e = ex("gun_forearm_extensors");
  const tooLong = { ...defaultDosage(e), secondsPerMuscle: 240 };

  it("accepts an in-range dosage and records no override even if one is offered", () => {
    const r = validateWithOverride(defaultDosage(e), e, { reason: "not needed" });
    expect(r).toMatchObject({ ok: true, override: null, issues: [] });
  });

  it("refuses an out-of-range dosage without an override", () => {
    const r = validateWithOverride(tooLong, e);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.code).toBe("override_required");
    expect(r.issues[0]?.safeRange).toEqual([15, 60]);
    if (r.code === "override_required") expect(r.message).toMatch(/override with a reason is required/);
  });

  it("refuses an override with an empty reason", () => {
    const r = validateWithOverride(tooLong, e, { reason: "   " });
    expect(r).toMatchObject({ ok: false, code: "override_required" });
    if (!r.ok && r.code === "override_required") expect(r.message).toMatch(/Say why/);
  });

  it("accepts an out-of-range dosage with a reasoned override and returns the trimmed reason", () => {
    const r = validateWithOverride(tooLong, e, { reason: "  Tolerated 4 min in clinic with no after-effects " });
    expect(r).toMatchObject({ ok: true, override: { reason: "Tolerated 4 min in clinic with no after-effects" } });
  });

  it("accepts a below-range dosage without an override but still reports it", () => {
    const r = validateWithOverride({ ...defaultDosage(e), secondsPerMuscle: 10 }, e);
    expect(r).toMatchObject({ ok: true, override: null, issues: [expect.objectContaining({ direction: "below" })] });
  });

  it("returns field errors for invalid input and for a tool the exercise does not use", () => {
    const bad = validateWithOverride({ ...defaultDosage(e), sets: 0 }, e);
    expect(bad).toMatchObject({ ok: false, code: "invalid", fieldErrors: { sets: ["Sets must be at least 1."] } });
    const roller = validateWithOverride(defaultDosage(ex("roll_quads")), e);
    expect(roller).toMatchObject({ ok: false, code: "invalid" });
    if (!roller.ok && roller.code === "invalid") expect(roller.fieldErrors.tool?.[0]).toMatch(/uses a percussive gun/);
  });
});
