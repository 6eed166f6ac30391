import { describe, expect, it } from "vitest";
import type { PortalDosage } from "@/lib/programmes/portal-schemas";
import {
  adherenceWords,
  dosageWords,
  duration,
  instructionSteps,
  nextProgrammeDay,
  relativeDay,
  scheduleWords,
} from "./words";
import { clinicFormat } from "@/lib/format/clinic-format";

const gb = clinicFormat({ locale: "en-GB", timeZone: "Europe/London" });
const us = clinicFormat({ locale: "en-US", timeZone: "America/New_York" });

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

describe("dosage in plain words", () => {
  it("reads a sustained-pressure prescription as the client does it", () => {
    expect(dosageWords(hold)).toBe("Hold each spot 60 s · 2 spots · 2 sets · rest 30 s · intensity about 4/10");
  });
  it("leaves out the rest when there is only one set", () => {
    expect(dosageWords({ ...hold, sets: 1, spots: 1 })).toBe(
      "Hold each spot 60 s · 1 spot · 1 set · intensity about 4/10",
    );
  });
  it("reads rolling and percussion", () => {
    expect(
      dosageWords({
        ...hold,
        tool: "foam_roller",
        technique: "rolling",
        secondsPerSpot: undefined,
        spots: undefined,
        secondsPerMuscle: 120,
        passes: 10,
      }),
    ).toBe("Roll slowly 2 min · about 10 passes · 2 sets · rest 30 s · intensity about 4/10");
    expect(
      dosageWords({
        ...hold,
        tool: "percussive_gun",
        technique: "percussion",
        attachment: "round",
        spots: undefined,
        secondsPerSpot: undefined,
        secondsPerMuscle: 45,
        sets: 1,
      }),
    ).toBe("Keep the gun moving 45 s · use the round head · 1 set · intensity about 4/10");
  });
  it("formats durations", () => {
    expect([duration(30), duration(90), duration(120), duration(150)]).toEqual(["30 s", "90 s", "2 min", "2 min 30 s"]);
  });
});

describe("schedule words", () => {
  it("names the days", () => {
    expect(scheduleWords(hold)).toBe("Once a day, every day");
    expect(scheduleWords({ sessionsPerDay: 2, daysOfWeek: [5, 1, 3] })).toBe("Twice a day, Mon, Wed, Fri");
    expect(scheduleWords({ sessionsPerDay: 1, daysOfWeek: [1, 2, 3, 4, 5] })).toBe("Once a day, Monday to Friday");
  });
});

describe("instruction steps", () => {
  it("splits a paragraph into sentences", () => {
    expect(
      instructionSteps(
        "Stand with your back to a wall. Place a firm ball on the shoulder, e.g. above the blade. Hold still.",
      ),
    ).toEqual([
      "Stand with your back to a wall.",
      "Place a firm ball on the shoulder, e.g. above the blade.",
      "Hold still.",
    ]);
  });
});

describe("next programme day", () => {
  const item = (days: number[]) => ({ dosage: { ...hold, daysOfWeek: days } }) as never;
  // 2025-03-04 is a Tuesday.
  it("finds the next weekday any item is on", () => {
    expect(nextProgrammeDay([{ endDate: null, items: [item([1]), item([4])] }], "2025-03-04")).toBe("2025-03-06");
    expect(nextProgrammeDay([{ endDate: null, items: [item([2])] }], "2025-03-04")).toBe("2025-03-11");
  });
  it("stops at the programme's end", () => {
    expect(nextProgrammeDay([{ endDate: "2025-03-05", items: [item([4])] }], "2025-03-04")).toBeNull();
  });
  it("says tomorrow, a weekday, or a date", () => {
    expect(relativeDay("2025-03-05", "2025-03-04", gb)).toBe("tomorrow");
    expect(relativeDay("2025-03-06", "2025-03-04", gb)).toBe("on Thursday");
    expect(relativeDay("2025-03-11", "2025-03-04", gb)).toBe("on Tuesday 11 March");
    expect(relativeDay("2025-03-11", "2025-03-04", us)).toBe("on Tuesday, March 11");
  });
});

describe("adherence words", () => {
  it("is kind and plain", () => {
    expect(adherenceWords({ prescribed: 0, completed: 0 })).toBeNull();
    expect(adherenceWords({ prescribed: 8, completed: 3 })).toBe(
      "This week so far you have done 3 of 8 sessions. Every session helps, even a short one.",
    );
    expect(adherenceWords({ prescribed: 4, completed: 2 })).toMatch(/Keep it up/);
    expect(adherenceWords({ prescribed: 1, completed: 2 })).toBe(
      "This week so far you have done 1 of 1 session. All done — well done!",
    );
  });
});
