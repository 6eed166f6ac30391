import { describe, expect, it } from "vitest";
import { instrumentSchema } from "./instrument-schema";
import { EARS, GROC, NDI, NPRS, ODI, PGIC, PSFS } from "./instruments";
import { withMaxSkipped } from "./outcome-settings";
import { scoreResponse, type Answers, type ScoreOutcome } from "./score";

/** Ten 0-5 section answers by position; `null` marks a skipped section. */
function sections(def: typeof NDI, values: (number | null)[]): Answers {
  return Object.fromEntries(def.items.map((item, i) => [item.id, values[i] ?? null]));
}

function ok(outcome: ScoreOutcome) {
  if (!outcome.success) throw new Error(JSON.stringify(outcome.error.issues));
  return outcome.data;
}

function issues(outcome: ScoreOutcome) {
  if (outcome.success) throw new Error("expected a refusal");
  return outcome.error.issues;
}

// Sixteen points spread over ten sections, the worked example of the common scoring sheets.
const SIXTEEN = [2, 1, 3, 2, 1, 2, 1, 2, 1, 1];

describe("ODI: sum / (5 × answered) × 100", () => {
  it("all ten sections: 16 → 32%", () => {
    expect(ok(scoreResponse(ODI, sections(ODI, SIXTEEN)))).toMatchObject({
      score: 32,
      itemsAnswered: 10,
      itemsTotal: 10,
      proRated: false,
      interpretation: "Moderate",
      scoreRange: { min: 0, max: 100 },
    });
  });

  it("one section skipped: 16 / 45 × 100 = 35.56%, marked pro-rated", () => {
    const values = [2, 1, 3, 2, 1, 2, 1, 2, 2, null];
    expect(ok(scoreResponse(ODI, sections(ODI, values)))).toMatchObject({
      score: 35.56,
      itemsAnswered: 9,
      proRated: true,
    });
  });

  it("two sections skipped gets no score by default (reference v2: at most 1), naming them", () => {
    const found = issues(scoreResponse(ODI, sections(ODI, [2, 2, 3, 2, 1, 2, 2, 2, null, null])));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "too_many_skipped", path: [] });
    expect(found[0]?.message).toBe(
      "2 sections were skipped (Social life, Travelling); at most 1 can be skipped for the score to be pro-rated.",
    );
  });

  it("a clinic that allows 2 skipped sections gets 16 / 40 × 100 = 40%", () => {
    const lenient = withMaxSkipped(ODI, 2);
    expect(ok(scoreResponse(lenient, sections(ODI, [2, 2, 3, 2, 1, 2, 2, 2, null, null])))).toMatchObject({
      score: 40,
      itemsAnswered: 8,
      proRated: true,
      interpretation: "Moderate",
    });
    expect(issues(scoreResponse(lenient, sections(ODI, [2, 2, 3, 2, 1, 2, 2, null, null, null])))[0]?.message).toBe(
      "3 sections were skipped (Sex life, Social life, Travelling); at most 2 can be skipped for the score to be pro-rated.",
    );
  });

  it("extremes and bands", () => {
    expect(ok(scoreResponse(ODI, sections(ODI, Array(10).fill(0))))).toMatchObject({
      score: 0,
      interpretation: "Minimal",
    });
    expect(ok(scoreResponse(ODI, sections(ODI, Array(10).fill(5))))).toMatchObject({
      score: 100,
      interpretation: "Bed-bound or symptom magnification",
    });
    expect(ok(scoreResponse(ODI, sections(ODI, [2, 2, 2, 2, 2, 0, 0, 0, 0, 0]))).interpretation).toBe("Minimal"); // 20
    expect(ok(scoreResponse(ODI, sections(ODI, [2, 2, 2, 2, 2, 1, 0, 0, 0, 0]))).interpretation).toBe("Moderate"); // 22
    expect(ok(scoreResponse(ODI, sections(ODI, [5, 5, 5, 5, 5, 5, 5, 5, 0, 0]))).interpretation).toBe("Crippling"); // 80
    expect(ok(scoreResponse(ODI, sections(ODI, [5, 5, 5, 5, 5, 5, 5, 5, 1, 0]))).interpretation).toBe(
      "Bed-bound or symptom magnification",
    ); // 82
  });
});

describe("NDI: raw 0-50, pro-rated sum / (5 × answered) × 50", () => {
  it("all ten sections: the raw sum", () => {
    expect(ok(scoreResponse(NDI, sections(NDI, SIXTEEN)))).toMatchObject({
      score: 16,
      proRated: false,
      interpretation: "Moderate",
      scoreRange: { min: 0, max: 50 },
    });
  });

  it("driving skipped: 16 / 45 × 50 = 17.78", () => {
    const values = [2, 1, 3, 2, 1, 2, 2, null, 2, 1];
    expect(ok(scoreResponse(NDI, sections(NDI, values)))).toMatchObject({
      score: 17.78,
      itemsAnswered: 9,
      proRated: true,
    });
  });

  it("developer bands on the raw score: 4 none, 5 mild, 35 complete", () => {
    const band = (values: number[]) => ok(scoreResponse(NDI, sections(NDI, values))).interpretation;
    expect(band([1, 1, 1, 1, 0, 0, 0, 0, 0, 0])).toBe("No disability");
    expect(band([1, 1, 1, 1, 1, 0, 0, 0, 0, 0])).toBe("Mild");
    expect(band([5, 5, 5, 5, 5, 5, 5, 0, 0, 0])).toBe("Complete");
    expect(band([5, 5, 5, 5, 5, 5, 4, 0, 0, 0])).toBe("Severe");
  });

  it("a pro-rated score between bands reads as the higher band (4 / 45 × 50 = 4.44 is above 'none' 0-4)", () => {
    const outcome = ok(scoreResponse(NDI, sections(NDI, [1, 1, 1, 1, 0, 0, 0, null, 0, 0])));
    expect(outcome).toMatchObject({ score: 4.44, interpretation: "Mild" });
  });

  it("refuses a section answer of 6 and a skipped-too-many form together", () => {
    const found = issues(scoreResponse(NDI, sections(NDI, [6, 1, null, null, null, 0, 0, 0, 0, 0])));
    expect(found.map((i) => i.code)).toEqual(["not_an_option", "too_many_skipped"]);
    expect(found[0]).toMatchObject({
      path: ["pain_intensity"],
      message: "Pain intensity: 6 is not one of the answers (0, 1, 2, 3, 4, 5).",
    });
  });
});

describe("PSFS: mean of the rated activities", () => {
  it("three activities 3, 5, 4 → 4", () => {
    expect(ok(scoreResponse(PSFS, { activity_1: 3, activity_2: 5, activity_3: 4 }))).toMatchObject({
      score: 4,
      itemsAnswered: 3,
      itemsTotal: 5,
      proRated: false,
    });
  });

  it("five activities and a repeating mean (1, 2, 2 → 1.67)", () => {
    expect(
      ok(scoreResponse(PSFS, { activity_1: 2, activity_2: 3, activity_3: 3, activity_4: 4, activity_5: 8 })).score,
    ).toBe(4);
    expect(ok(scoreResponse(PSFS, { activity_1: 1, activity_2: 2, activity_3: 2 })).score).toBe(1.67);
  });

  it("fewer than three activities is refused", () => {
    expect(issues(scoreResponse(PSFS, { activity_1: 3, activity_2: 5 }))).toEqual([
      { code: "too_few_answered", path: [], message: "At least 3 items must be rated; 2 were." },
    ]);
  });

  it("refuses 11 and 6.5 with a clear message", () => {
    const found = issues(scoreResponse(PSFS, { activity_1: 11, activity_2: 6.5, activity_3: 4 }));
    expect(found).toEqual([
      {
        code: "out_of_range",
        path: ["activity_1"],
        message: "Activity 1: 11 is outside the scale, which runs from 0 to 10.",
      },
      {
        code: "off_step",
        path: ["activity_2"],
        message: "Activity 2: 6.5 is not on the scale; use whole numbers from 0 to 10.",
      },
    ]);
  });
});

describe("single-item scales", () => {
  it("GROC accepts -7..+7 and refuses +8 and missing answers", () => {
    expect(ok(scoreResponse(GROC, { change: -7 })).score).toBe(-7);
    expect(ok(scoreResponse(GROC, { change: 3 }))).toMatchObject({ score: 3, scoreRange: { min: -7, max: 7 } });
    expect(issues(scoreResponse(GROC, { change: 8 }))[0]?.code).toBe("not_an_option");
    expect(issues(scoreResponse(GROC, {}))).toEqual([
      { code: "required", path: ["change"], message: "Overall change: an answer is needed." },
    ]);
  });

  it("PGIC accepts the seven categories only", () => {
    expect(ok(scoreResponse(PGIC, { impression: 2 })).score).toBe(2);
    expect(issues(scoreResponse(PGIC, { impression: 0 }))[0]?.message).toBe(
      "Impression of change: 0 is not one of the answers (1, 2, 3, 4, 5, 6, 7).",
    );
  });

  it("NPRS scores the number and bands it", () => {
    expect(ok(scoreResponse(NPRS, { pain: 0 })).interpretation).toBe("No pain");
    expect(ok(scoreResponse(NPRS, { pain: 3 })).interpretation).toBe("Mild");
    expect(ok(scoreResponse(NPRS, { pain: 4 })).interpretation).toBe("Moderate");
    expect(ok(scoreResponse(NPRS, { pain: 7 })).interpretation).toBe("Severe");
    expect(issues(scoreResponse(NPRS, { pain: 11 }))[0]?.message).toBe(
      "Pain intensity: 11 is outside the scale, which runs from 0 to 10.",
    );
    expect(issues(scoreResponse(NPRS, { pain: Number.NaN }))[0]?.code).toBe("not_a_number");
  });
});

describe("EARS: sum of six 0-4 statements", () => {
  const all = (v: number) => Object.fromEntries(EARS.items.map((i) => [i.id, v]));

  // Reference v2: coded 0 = completely agree … 4 = completely disagree; positive statements 1, 4, 6
  // are reverse-scored (4 − answer), so the most adherent answers total 24.
  it("sums to 0-24 with statements 1, 4 and 6 reverse-scored", () => {
    const mostAdherent = {
      statement_1: 0,
      statement_2: 4,
      statement_3: 4,
      statement_4: 0,
      statement_5: 4,
      statement_6: 0,
    };
    expect(ok(scoreResponse(EARS, mostAdherent)).score).toBe(24);
    expect(ok(scoreResponse(EARS, all(4))).score).toBe(12);
    expect(ok(scoreResponse(EARS, all(0))).score).toBe(12);
    // statement 6 answered 1 (agree) scores 3; the others 3 → 3,1 → 1 … : 1+3+3+1+3+3 = 14.
    expect(ok(scoreResponse(EARS, { ...all(3), statement_6: 1 })).score).toBe(14);
  });

  it("needs every statement and refuses 5", () => {
    expect(issues(scoreResponse(EARS, { ...all(2), statement_3: null })).map((i) => i.path)).toEqual([["statement_3"]]);
    expect(issues(scoreResponse(EARS, { ...all(2), statement_3: 5 }))[0]?.code).toBe("not_an_option");
  });
});

describe("engine behaviour shared by every instrument", () => {
  it("refuses answers to questions the instrument does not have", () => {
    expect(issues(scoreResponse(NPRS, { pain: 4, mood: 3 }))).toEqual([
      {
        code: "unknown_item",
        path: ["mood"],
        message: '"mood" is not a question of Numeric Pain Rating Scale (NPRS / NRS-11).',
      },
    ]);
  });

  it("reports the instrument version so a stored score can be traced to its rules", () => {
    expect(ok(scoreResponse(ODI, sections(ODI, SIXTEEN)))).toMatchObject({ instrumentId: "odi", instrumentVersion: 2 });
  });

  it("reverse-keyed answers are data: an option's score overrides its value", () => {
    const reversed = instrumentSchema.parse({
      ...EARS,
      id: "reverse_demo",
      items: EARS.items.map((item, i) =>
        i === 1 && item.answer.kind === "options"
          ? {
              ...item,
              answer: { kind: "options", options: item.answer.options.map((o) => ({ ...o, score: 4 - o.value })) },
            }
          : item,
      ),
    });
    const answers = Object.fromEntries(reversed.items.map((i) => [i.id, 4]));
    // Statements 1, 4, 6 are reverse-scored already (0 each); 2 is now too: 0 + 0 + 4 + 0 + 4 + 0.
    expect(ok(scoreResponse(reversed, answers)).score).toBe(8);
  });
});
