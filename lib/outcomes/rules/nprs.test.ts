import { describe, expect, it } from "vitest";
import { NPRS_MESSAGE, nprsBand, nprsScoreInputSchema, nprsScoreSchema } from "./nprs";

describe("nprsScoreSchema", () => {
  it("accepts whole numbers 0-10", () => {
    for (let n = 0; n <= 10; n++) expect(nprsScoreSchema.parse(n)).toBe(n);
  });

  it.each([[-1], [11], [2.5], ["5"], [Number.NaN], [null]])("refuses %s with the one plain message", (value) => {
    const result = nprsScoreSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message)).toEqual([NPRS_MESSAGE]);
  });

  it("uses the wording the issue asks for", () => {
    expect(NPRS_MESSAGE).toBe("Pain scores run from 0 (no pain) to 10 (worst imaginable).");
  });
});

describe("nprsScoreInputSchema (form strings)", () => {
  it("turns digits into numbers and an empty field into 'not recorded', never 0", () => {
    expect(nprsScoreInputSchema.parse("7")).toBe(7);
    expect(nprsScoreInputSchema.parse(" 0 ")).toBe(0);
    expect(nprsScoreInputSchema.parse("")).toBeUndefined();
    expect(nprsScoreInputSchema.parse(undefined)).toBeUndefined();
  });

  it.each([["11"], ["abc"], ["4.5"]])("refuses %s with the same message", (value) => {
    expect(nprsScoreInputSchema.safeParse(value).error?.issues[0]?.message).toBe(NPRS_MESSAGE);
  });
});

describe("nprsBand", () => {
  it("follows the reference bands 1-3 mild, 4-6 moderate, 7-10 severe", () => {
    expect([0, 1, 3, 4, 6, 7, 10].map(nprsBand)).toEqual([
      "No pain",
      "Mild",
      "Mild",
      "Moderate",
      "Moderate",
      "Severe",
      "Severe",
    ]);
  });

  it("refuses scores off the scale", () => {
    expect(() => nprsBand(11)).toThrow(NPRS_MESSAGE);
  });
});
