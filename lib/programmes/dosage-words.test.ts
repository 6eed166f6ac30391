import { describe, expect, it } from "vitest";
import { describeDays, describeDosage } from "./dosage-words";

describe("dosage in plain words", () => {
  it("describes each technique for the client", () => {
    const base = {
      tool: "massage_ball",
      intensity: 4,
      sets: 2,
      restSeconds: 30,
      sessionsPerDay: 1,
      daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
    };
    expect(describeDosage({ ...base, technique: "sustained_pressure", secondsPerSpot: 60, spots: 2 })).toBe(
      "Press and hold 60 s on each of 2 spots, 2 sets with 30 s rest. Pressure about 4/10. Once a day, every day.",
    );
    expect(
      describeDosage({
        ...base,
        tool: "foam_roller",
        technique: "rolling",
        secondsPerMuscle: 120,
        passes: 10,
        sessionsPerDay: 2,
        daysOfWeek: [1, 2, 3, 4, 5],
      }),
    ).toBe(
      "Roll slowly for 2 min (about 10 passes), 2 sets with 30 s rest. Pressure about 4/10. Twice a day, Monday to Friday.",
    );
    expect(
      describeDosage({
        ...base,
        tool: "percussive_gun",
        technique: "percussion",
        attachment: "round",
        secondsPerMuscle: 45,
        sets: 1,
        daysOfWeek: [1, 3, 5],
      }),
    ).toBe("Keep the massage gun moving with the round head for 45 s. Pressure about 4/10. Once a day, Mon, Wed, Fri.");
  });

  it("names common day patterns", () => {
    expect(describeDays([6, 7])).toBe("at weekends");
    expect(describeDays([2, 1])).toBe("Mon, Tue");
  });
});
