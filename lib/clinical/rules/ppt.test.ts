import { describe, expect, it } from "vitest";
import { fromKpa, kgPerCm2ToKpa, lbPerIn2ToKpa, meanKpa, meetsConsensus2of3, newtonPerCm2ToKpa, toKpa } from "./ppt";

describe("pressure unit conversion", () => {
  it("uses the factors from the domain reference", () => {
    expect(kgPerCm2ToKpa(1)).toBe(98.0665);
    expect(newtonPerCm2ToKpa(1)).toBe(10);
    expect(kgPerCm2ToKpa(1) / newtonPerCm2ToKpa(1)).toBeCloseTo(9.80665, 10);
    expect(lbPerIn2ToKpa(1)).toBeCloseTo(6.895, 3);
  });

  it("converts a typical upper trapezius threshold both ways", () => {
    expect(toKpa(2.5, "kgf/cm2")).toBeCloseTo(245.16625, 10);
    expect(toKpa(245, "kPa")).toBe(245);
    expect(fromKpa(toKpa(35.6, "lbf/in2"), "lbf/in2")).toBeCloseTo(35.6, 10);
    expect(fromKpa(98.0665, "kgf/cm2")).toBeCloseTo(1, 12);
  });
});

describe("meanKpa", () => {
  it("averages the trials (usually 3) at one site", () => {
    expect(meanKpa([240, 255, 270])).toBe(255);
    expect(meanKpa([kgPerCm2ToKpa(2), kgPerCm2ToKpa(3)])).toBeCloseTo(245.16625, 10);
  });

  it("returns null for no trials and rejects impossible values", () => {
    expect(meanKpa([])).toBeNull();
    expect(() => meanKpa([200, -1])).toThrow(RangeError);
    expect(() => meanKpa([200, Number.NaN])).toThrow(RangeError);
  });
});

describe("meetsConsensus2of3", () => {
  it("needs at least two of taut band, spot tenderness and referred pain (Delphi 2018)", () => {
    const f = false;
    const t = true;
    expect(meetsConsensus2of3({ tautBand: t, spotTenderness: t, referredPain: f })).toBe(true);
    expect(meetsConsensus2of3({ tautBand: t, spotTenderness: f, referredPain: t })).toBe(true);
    expect(meetsConsensus2of3({ tautBand: f, spotTenderness: t, referredPain: t })).toBe(true);
    expect(meetsConsensus2of3({ tautBand: t, spotTenderness: t, referredPain: t })).toBe(true);
    // A taut band alone is not a trigger point (2023 cluster study agrees).
    expect(meetsConsensus2of3({ tautBand: t, spotTenderness: f, referredPain: f })).toBe(false);
    expect(meetsConsensus2of3({ tautBand: f, spotTenderness: t, referredPain: f })).toBe(false);
    expect(meetsConsensus2of3({ tautBand: f, spotTenderness: f, referredPain: f })).toBe(false);
  });
});
