import { addDays, formatISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { changeFromBaseline, describeMcid, mcidCriterionMet, type DatedScore } from "./change";
import { EARS, GROC, NDI, NPRS, ODI, PGIC, PSFS } from "./instruments";

/** Scores one week apart from 6 Jan 2025. */
function weekly(...scores: number[]): DatedScore[] {
  return scores.map((score, i) => ({
    date: formatISO(addDays(new Date(2025, 0, 6), 7 * i), { representation: "date" }),
    score,
  }));
}

describe("NPRS MCID: a fall of ≥ 2 points OR ≥ 30% from baseline", () => {
  it("8 → 6 meets it by points (25% alone would not)", () => {
    const c = changeFromBaseline(NPRS, weekly(8, 6));
    expect(c).toMatchObject({ change: -2, improvement: 2, percentImprovement: 25 });
    expect(c?.mcid).toMatchObject({ reachedNow: true, criterion: "absolute", firstReachedOn: "2025-01-13" });
  });

  it("3 → 2 meets it by percent (33%) though only 1 point", () => {
    const c = changeFromBaseline(NPRS, weekly(3, 2));
    expect(c).toMatchObject({ improvement: 1, percentImprovement: 33.33 });
    expect(c?.mcid).toMatchObject({ reachedNow: true, criterion: "relative" });
  });

  it("5 → 4 (1 point, 20%) does not", () => {
    expect(changeFromBaseline(NPRS, weekly(5, 4))?.mcid).toMatchObject({
      reachedNow: false,
      criterion: null,
      firstReachedOn: null,
    });
  });

  it("10 → 7 is exactly 30% and 3 points; points are reported first", () => {
    expect(mcidCriterionMet(NPRS, 10, 7)).toBe("absolute");
    expect(mcidCriterionMet({ ...NPRS, mcid: { basis: "change", relativePercent: 30, text: "x" } }, 10, 7)).toBe(
      "relative",
    );
    expect(
      mcidCriterionMet({ ...NPRS, mcid: { basis: "change", relativePercent: 30, text: "x" } }, 10, 7.1),
    ).toBeNull();
  });

  it("worsening is negative improvement and never meets the MCID", () => {
    const c = changeFromBaseline(NPRS, weekly(4, 7));
    expect(c).toMatchObject({ change: 3, improvement: -3, percentImprovement: -75 });
    expect(c?.mcid?.reachedNow).toBe(false);
  });

  it("records the date the MCID was FIRST reached, even after it is lost", () => {
    const c = changeFromBaseline(NPRS, weekly(8, 7, 6, 7, 5));
    expect(c?.mcid).toMatchObject({ firstReachedOn: "2025-01-20", reachedNow: true });
    const lost = changeFromBaseline(NPRS, weekly(8, 6, 7));
    expect(lost?.mcid).toMatchObject({ firstReachedOn: "2025-01-13", reachedNow: false });
  });

  it("orders the series by date whatever the input order; baseline is the earliest", () => {
    const c = changeFromBaseline(NPRS, [
      { date: "2025-02-03", score: 4 },
      { date: "2025-01-06", score: 7 },
      { date: "2025-01-20", score: 6 },
    ]);
    expect(c?.baseline).toEqual({ date: "2025-01-06", score: 7 });
    expect(c?.latest).toEqual({ date: "2025-02-03", score: 4 });
    expect(c?.mcid?.firstReachedOn).toBe("2025-02-03");
  });

  it("baseline 0 has no percentage; only points can count", () => {
    expect(changeFromBaseline(NPRS, weekly(0, 0))).toMatchObject({
      change: 0,
      improvement: 0,
      percentImprovement: null,
    });
    expect(changeFromBaseline(NPRS, weekly(0, 3))).toMatchObject({
      improvement: -3,
      percentImprovement: null,
      mcid: { reachedNow: false },
    });
  });

  it("a single score is its own baseline and nothing is reached", () => {
    expect(changeFromBaseline(NPRS, weekly(6))).toMatchObject({
      change: 0,
      improvement: 0,
      mcid: { reachedNow: false, firstReachedOn: null },
    });
  });

  it("an empty series has no change; a bad date is refused", () => {
    expect(changeFromBaseline(NPRS, [])).toBeNull();
    expect(() => changeFromBaseline(NPRS, [{ date: "06/01/2025", score: 4 }])).toThrow(/not an ISO 8601 date/);
  });
});

describe("questionnaire MCIDs from the reference", () => {
  it("ODI: 10 points or 30% (40 → 30 by points; 20 → 14 by percent; 20 → 15 neither)", () => {
    expect(changeFromBaseline(ODI, weekly(40, 30))?.mcid?.criterion).toBe("absolute");
    expect(changeFromBaseline(ODI, weekly(20, 14))?.mcid).toMatchObject({ criterion: "relative", reachedNow: true });
    expect(changeFromBaseline(ODI, weekly(20, 15))).toMatchObject({
      percentImprovement: 25,
      mcid: { reachedNow: false },
    });
  });

  it("NDI: 7.5 points on the raw 0-50 score", () => {
    expect(changeFromBaseline(NDI, weekly(20, 12.5))?.mcid?.reachedNow).toBe(true);
    expect(changeFromBaseline(NDI, weekly(20, 13))?.mcid?.reachedNow).toBe(false);
    expect(changeFromBaseline(NDI, weekly(17.78, 10))).toMatchObject({ improvement: 7.78, mcid: { reachedNow: true } });
  });

  it("PSFS: higher is better, a rise of 2 points", () => {
    expect(changeFromBaseline(PSFS, weekly(3, 5))).toMatchObject({
      change: 2,
      improvement: 2,
      percentImprovement: 66.67,
      mcid: { reachedNow: true },
    });
    expect(changeFromBaseline(PSFS, weekly(3, 4.67))?.mcid?.reachedNow).toBe(false);
    expect(changeFromBaseline(PSFS, weekly(5, 3))).toMatchObject({ improvement: -2, mcid: { reachedNow: false } });
    expect(changeFromBaseline(PSFS, weekly(0, 2))).toMatchObject({
      percentImprovement: null,
      mcid: { reachedNow: true },
    });
  });

  it("GROC: a rating of +3 or more counts, from the first rating on", () => {
    expect(changeFromBaseline(GROC, weekly(3))?.mcid).toMatchObject({
      reachedNow: true,
      firstReachedOn: "2025-01-06",
      criterion: "rating",
    });
    expect(changeFromBaseline(GROC, weekly(1, 2))?.mcid?.reachedNow).toBe(false);
    expect(changeFromBaseline(GROC, weekly(1, 2, 5, 2))?.mcid).toMatchObject({
      reachedNow: false,
      firstReachedOn: "2025-01-20",
    });
    expect(changeFromBaseline(GROC, weekly(-2, 3))).toMatchObject({
      change: null,
      improvement: null,
      percentImprovement: null,
    });
  });

  it("PGIC: 'much improved' (2) or 'very much improved' (1) counts; 3 does not", () => {
    expect(changeFromBaseline(PGIC, weekly(3))?.mcid?.reachedNow).toBe(false);
    expect(changeFromBaseline(PGIC, weekly(4, 2))?.mcid).toMatchObject({
      reachedNow: true,
      firstReachedOn: "2025-01-13",
    });
    expect(changeFromBaseline(PGIC, weekly(1))?.mcid?.reachedNow).toBe(true);
  });

  it("EARS has no MCID, so none is reported", () => {
    expect(changeFromBaseline(EARS, weekly(10, 20))).toMatchObject({
      improvement: 10,
      percentImprovement: 100,
      mcid: null,
    });
  });

  it("a clinic-configured threshold replaces the reference one", () => {
    const ndiFive = { ...NDI, mcid: { basis: "change" as const, absolute: 5, text: "Developer guidance: 5 points" } };
    expect(changeFromBaseline(ndiFive, weekly(20, 15))?.mcid?.reachedNow).toBe(true);
  });
});

describe("describeMcid", () => {
  it("states each rule in plain words", () => {
    expect(describeMcid(NPRS)).toBe("a fall of at least 2 points or at least 30% from baseline");
    expect(describeMcid(NDI)).toBe("a fall of at least 7.5 points from baseline");
    expect(describeMcid(PSFS)).toBe("a rise of at least 2 points from baseline");
    expect(describeMcid(GROC)).toBe("a rating of +3 or better");
    expect(describeMcid(PGIC)).toBe("a rating of 2 or better");
    expect(describeMcid(EARS)).toBeNull();
  });
});
