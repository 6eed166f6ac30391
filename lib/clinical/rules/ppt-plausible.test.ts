import { describe, expect, it } from "vitest";
import { PRESSURE_UNITS, toKpa } from "./ppt";
import {
  formatPressure,
  implausibleReadingMessage,
  isPlausibleReading,
  likelyUnit,
  PLAUSIBLE_RANGE,
} from "./ppt-plausible";

describe("plausible algometer readings", () => {
  it("names the slip of a kPa reading typed as kg/cm² (the clinic's 320/300/310 trials)", () => {
    expect(implausibleReadingMessage(310, "kgf/cm2")).toBe("310 kg/cm² is about 30,400 kPa — did you mean kPa?");
    expect(implausibleReadingMessage(320, "kgf/cm2")).toBe("320 kg/cm² is about 31,400 kPa — did you mean kPa?");
    expect(likelyUnit(300, "kgf/cm2")).toBe("kPa");
  });

  it("names the reverse slip: a kg/cm² reading typed as kPa", () => {
    expect(implausibleReadingMessage(3.2, "kPa")).toBe(
      "3.2 kPa is outside the plausible 10–2,500 kPa — did you mean kg/cm²?",
    );
  });

  it("accepts typical thresholds in every unit", () => {
    expect(implausibleReadingMessage(2.4, "kgf/cm2")).toBeNull();
    expect(implausibleReadingMessage(310, "kPa")).toBeNull();
    expect(implausibleReadingMessage(31, "N/cm2")).toBeNull();
    expect(implausibleReadingMessage(45, "lbf/in2")).toBeNull();
  });

  it("says the range when no unit would make the number plausible", () => {
    expect(implausibleReadingMessage(900_000, "kPa")).toBe(
      "900,000 kPa is outside the plausible 10–2,500 kPa; a threshold reading is 10–2,500 kPa.",
    );
    expect(implausibleReadingMessage(0, "kPa")).toBe("An algometer reading is above zero.");
    expect(implausibleReadingMessage(Number.NaN, "kPa")).toBe("Enter the reading as a number.");
  });

  it("gives every unit a range of about 10–2,500 kPa", () => {
    for (const u of PRESSURE_UNITS) {
      expect(toKpa(PLAUSIBLE_RANGE[u].min, u)).toBeGreaterThanOrEqual(9.8);
      expect(toKpa(PLAUSIBLE_RANGE[u].min, u)).toBeLessThanOrEqual(10.5);
      expect(toKpa(PLAUSIBLE_RANGE[u].max, u)).toBeGreaterThanOrEqual(2450);
      expect(toKpa(PLAUSIBLE_RANGE[u].max, u)).toBeLessThanOrEqual(2500);
    }
  });

  it("offers only a unit in which the number is plausible, and only for implausible readings", () => {
    // A log-spaced sweep from 0.001 to 1,000,000 in every unit (no random inputs: the same run every time).
    for (let e = -3; e <= 6; e += 0.01) {
      const v = Number((10 ** e).toPrecision(4));
      for (const u of PRESSURE_UNITS) {
        expect(implausibleReadingMessage(v, u) === null).toBe(isPlausibleReading(v, u));
        const alt = likelyUnit(v, u);
        if (alt) expect(isPlausibleReading(v, alt)).toBe(true);
      }
    }
  });
});

describe("formatPressure", () => {
  it("shows a stored kPa mean in the clinician's unit", () => {
    expect(formatPressure(215.7, "kgf/cm2")).toBe("2.20 kg/cm²");
    expect(formatPressure(215.7, "kPa")).toBe("216 kPa");
    expect(formatPressure(215.7, "N/cm2")).toBe("21.6 N/cm²");
    expect(formatPressure(215.7, "lbf/in2")).toBe("31.3 lb/in²");
  });
});
