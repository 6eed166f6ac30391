import { addDays, formatISO } from "date-fns";
import { describe, expect, it } from "vitest";
import { changeFromBaseline, describeMcid, meaningfulThreshold, type DatedScore } from "./change";
import { EARS, GROC, NDI, NPRS, ODI, PGIC, PSFS } from "./instruments";
import { applyOutcomeSettings } from "./outcome-settings";

/** Scores one week apart from 6 Jan 2025. */
function weekly(...scores: number[]): DatedScore[] {
  return scores.map((score, i) => ({
    date: formatISO(addDays(new Date(2025, 0, 6), 7 * i), { representation: "date" }),
    score,
  }));
}

describe("NPRS: meaningful = a fall of at least max(MDC 2, 30% of baseline) (reference v2)", () => {
  it("reference example, baseline 3: max(2, 0.9) = 2, so 3 → 1 is meaningful and 3 → 2 is not", () => {
    expect(meaningfulThreshold(NPRS, 3)).toMatchObject({ points: 2, mdc: 2, mcidPoints: 0.9 });
    expect(changeFromBaseline(NPRS, weekly(3, 1))?.mcid).toMatchObject({ reachedNow: true, criterion: "meaningful" });
    // 1 point is 33% but below the MDC: no longer meaningful (v1 counted it by percent).
    expect(changeFromBaseline(NPRS, weekly(3, 2))?.mcid).toMatchObject({ reachedNow: false, realChangeOnly: false });
  });

  it("reference example, baseline 8: max(2, 2.4) = 2.4, i.e. 3 whole points (8 → 5)", () => {
    expect(meaningfulThreshold(NPRS, 8)?.points).toBe(2.4);
    expect(changeFromBaseline(NPRS, weekly(8, 5))?.mcid).toMatchObject({
      reachedNow: true,
      explanation: "\u22123 points ≥ 2.4 (30% of baseline 8 = 2.4; MDC 2)",
    });
    // 8 → 6 passes the MDC but not the MCID: real change, smaller than the usual meaningful amount.
    expect(changeFromBaseline(NPRS, weekly(8, 6))?.mcid).toMatchObject({
      reachedNow: false,
      realChangeOnly: true,
      explanation: "\u22122 points < 2.4 (30% of baseline 8 = 2.4; MDC 2)",
    });
  });

  it("5 → 4 (1 point, 20%) does not", () => {
    expect(changeFromBaseline(NPRS, weekly(5, 4))?.mcid).toMatchObject({
      reachedNow: false,
      criterion: null,
      firstReachedOn: null,
    });
  });

  it("worsening is negative improvement and never meets the threshold", () => {
    const c = changeFromBaseline(NPRS, weekly(4, 7));
    expect(c).toMatchObject({ change: 3, improvement: -3, percentImprovement: -75 });
    expect(c?.mcid).toMatchObject({ reachedNow: false, realChangeOnly: false });
  });

  it("records the date the MCID was FIRST reached, even after it is lost", () => {
    const c = changeFromBaseline(NPRS, weekly(8, 7, 5, 7, 4));
    expect(c?.mcid).toMatchObject({ firstReachedOn: "2025-01-20", reachedNow: true });
    const lost = changeFromBaseline(NPRS, weekly(8, 5, 7));
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

describe("questionnaire thresholds from the reference (max of MDC and MCID)", () => {
  it("ODI reference examples: baseline 20 → 10 points (20 → 14 is NOT meaningful; 20 → 10 is); baseline 60 → 18", () => {
    expect(meaningfulThreshold(ODI, 20)).toMatchObject({ points: 10, mdc: 10, mcidPoints: 6 });
    expect(changeFromBaseline(ODI, weekly(20, 14))?.mcid).toMatchObject({
      reachedNow: false,
      realChangeOnly: false,
      explanation: "\u22126 points < 10 (30% of baseline 20 = 6; MDC 10)",
    });
    expect(changeFromBaseline(ODI, weekly(20, 10))?.mcid).toMatchObject({
      reachedNow: true,
      explanation: "\u221210 points ≥ 10 (30% of baseline 20 = 6; MDC 10)",
    });
    expect(meaningfulThreshold(ODI, 60)?.points).toBe(18);
    expect(changeFromBaseline(ODI, weekly(60, 42))?.mcid?.reachedNow).toBe(true);
    // 60 → 48 is past the MDC but short of 30%: real change only.
    expect(changeFromBaseline(ODI, weekly(60, 48))?.mcid).toMatchObject({ reachedNow: false, realChangeOnly: true });
  });

  it("NDI: the reference's 10 points on the raw 0-50 score (Young 2009), not 7.5", () => {
    expect(meaningfulThreshold(NDI, 20)?.points).toBe(10);
    expect(changeFromBaseline(NDI, weekly(20, 12.5))?.mcid?.reachedNow).toBe(false);
    expect(changeFromBaseline(NDI, weekly(20, 10))?.mcid).toMatchObject({ reachedNow: true });
    expect(changeFromBaseline(NDI, weekly(20, 10))?.mcid?.explanation).toMatch(
      /^\u221210 points ≥ 10 \(.*MDC 10\.2; MCID 7\.5\)$/,
    );
  });

  it("PSFS: MCID 1.3 with MDC 2, so the threshold is a rise of 2", () => {
    expect(meaningfulThreshold(PSFS, 3)).toMatchObject({ points: 2, mdc: 2, mcidPoints: 1.3 });
    expect(changeFromBaseline(PSFS, weekly(3, 5))).toMatchObject({
      change: 2,
      improvement: 2,
      percentImprovement: 66.67,
      mcid: { reachedNow: true, explanation: "+2 points ≥ 2 (MCID 1.3; MDC 2)" },
    });
    // 1.5 passes the MCID 1.3 but is inside measurement error.
    expect(changeFromBaseline(PSFS, weekly(3, 4.5))?.mcid?.reachedNow).toBe(false);
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
      explanation: "+3 Somewhat better ≥ +3 Somewhat better",
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
    expect(changeFromBaseline(PGIC, weekly(1))?.mcid).toMatchObject({
      reachedNow: true,
      explanation: "1 Very much improved ≤ 2 Much improved",
    });
  });

  it("EARS has no MCID, so none is reported", () => {
    expect(changeFromBaseline(EARS, weekly(10, 20))).toMatchObject({
      improvement: 10,
      percentImprovement: 100,
      mcid: null,
    });
  });

  it("a clinic-configured threshold replaces the reference one", () => {
    const ndiFive = applyOutcomeSettings(NDI, { ndiThresholdPoints: 5, maxSkippedSections: 1 });
    expect(changeFromBaseline(NDI, weekly(20, 15))?.mcid?.reachedNow).toBe(false);
    expect(changeFromBaseline(ndiFive, weekly(20, 15))?.mcid).toMatchObject({
      reachedNow: true,
      explanation: "\u22125 points ≥ 5 (clinic setting: Vernon's 5 points for uncomplicated neck pain; MDC 5; MCID 5)",
    });
  });
});

describe("describeMcid", () => {
  it("states each rule in plain words", () => {
    expect(describeMcid(NPRS)).toBe("a fall of at least the larger of the MDC (2 points) and 30% of the baseline");
    expect(describeMcid(ODI)).toBe("a fall of at least the larger of the MDC (10 points) and 30% of the baseline");
    expect(describeMcid(NDI)).toMatch(/^a fall of at least 10 points \(/);
    expect(describeMcid(PSFS)).toBe("a rise of at least the larger of the MDC (2 points) and the MCID (1.3 points)");
    expect(describeMcid(GROC)).toBe("a rating of +3 Somewhat better or better");
    expect(describeMcid(PGIC)).toBe("a rating of 2 Much improved or better");
    expect(describeMcid(EARS)).toBeNull();
  });
});
