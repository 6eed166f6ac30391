import { describe, expect, it } from "vitest";
import type { PortalDosage } from "@/lib/programmes/portal-schemas";
import { buildPlan, formatSeconds, phaseAnnouncement, phaseCounter, totalMs } from "./timer-plan";

const hold: PortalDosage = {
  tool: "massage_ball",
  technique: "sustained_pressure",
  intensity: 4,
  secondsPerSpot: 60,
  spots: 2,
  sets: 2,
  restSeconds: 30,
  sessionsPerDay: 1,
  daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
};
const roll: PortalDosage = {
  tool: "foam_roller",
  technique: "rolling",
  intensity: 4,
  secondsPerMuscle: 90,
  sets: 3,
  restSeconds: 20,
  sessionsPerDay: 1,
  daysOfWeek: [1, 3, 5],
};

describe("buildPlan", () => {
  it("holds each spot of each set, moves between spots and rests between sets only", () => {
    const plan = buildPlan(hold);
    expect(plan.map((p) => [p.kind, p.durationMs / 1000, p.set, p.spot])).toEqual([
      ["ready", 5, 1, 1],
      ["hold", 60, 1, 1],
      ["move", 5, 1, 2],
      ["hold", 60, 1, 2],
      ["rest", 30, 1, undefined],
      ["hold", 60, 2, 1],
      ["move", 5, 2, 2],
      ["hold", 60, 2, 2],
    ]);
    expect(totalMs(plan)).toBe((5 + 60 + 5 + 60 + 30 + 60 + 5 + 60) * 1000);
  });

  it("gives rolling one block per set with rests between", () => {
    const plan = buildPlan(roll, { readySeconds: 0 });
    expect(plan.map((p) => [p.kind, p.durationMs / 1000, p.set])).toEqual([
      ["work", 90, 1],
      ["rest", 20, 1],
      ["work", 90, 2],
      ["rest", 20, 2],
      ["work", 90, 3],
    ]);
    expect(plan[0]!.title).toBe("Roll");
  });

  it("tells a massage-gun user to keep moving, and skips a rest of 0 s", () => {
    const plan = buildPlan(
      { ...roll, tool: "percussive_gun", technique: "percussion", attachment: "round", sets: 2, restSeconds: 0 },
      { readySeconds: 0 },
    );
    expect(plan.map((p) => p.kind)).toEqual(["work", "work"]);
    expect(plan[0]!.instruction).toMatch(/moving/);
  });

  it("falls back to one spot and a minute when the dosage leaves them out", () => {
    const plan = buildPlan({ ...hold, spots: undefined, secondsPerSpot: undefined, sets: 1 }, { readySeconds: 0 });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ kind: "hold", durationMs: 60_000, spot: 1, spots: 1 });
  });
});

describe("phase words", () => {
  const plan = buildPlan(hold);
  it("counts spots and sets the way the client sees them", () => {
    expect(phaseCounter(plan[3]!)).toBe("Spot 2 of 2 · Set 1 of 2");
    expect(phaseCounter(plan[4]!)).toBe("Next: set 2 of 2");
    expect(phaseCounter(buildPlan(roll)[1]!)).toBe("Set 1 of 3");
  });
  it("announces a phase with its length in words", () => {
    expect(phaseAnnouncement(plan[1]!)).toMatch(/^Hold, 1 minute\. Spot 1 of 2 · Set 1 of 2\./);
  });
  it("formats times for the display and for speech", () => {
    expect(formatSeconds(75)).toBe("1:15");
    expect(formatSeconds(5)).toBe("0:05");
    expect(formatSeconds(75, "long")).toBe("1 minute 15 seconds");
    expect(formatSeconds(0, "long")).toBe("0 seconds");
  });
});
