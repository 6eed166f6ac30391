/**
 * Which algometer readings are plausible, and what slip an implausible one probably is.
 *
 * A pressure pain threshold measured with a hand-held algometer (1 cm² tip) lies between about
 * 10 kPa (0.1 kg/cm², the finest step common devices show) and about 2,500 kPa (25 kg/cm², the top
 * of the largest common hand-held gauges; Fischer 1987's normal values run to ~11 kg/cm² over the
 * gluteals). Each unit gets its own round range inside that span. A value outside its unit's range
 * is almost always a unit slip — a kPa reading typed while the editor shows kg/cm² (310 → 30,400 kPa)
 * or the reverse — so the message names the unit in which the number would make sense.
 */
import { fromKpa, toKpa, type PressureUnit } from "./ppt";

export const PRESSURE_UNIT_LABEL: Record<PressureUnit, string> = {
  "kgf/cm2": "kg/cm²",
  "N/cm2": "N/cm²",
  "lbf/in2": "lb/in²",
  kPa: "kPa",
};

/** Inclusive plausible reading per unit (each ≈ 10–2,500 kPa, rounded to what the device shows). */
export const PLAUSIBLE_RANGE: Record<PressureUnit, { min: number; max: number }> = {
  "kgf/cm2": { min: 0.1, max: 25 },
  "N/cm2": { min: 1, max: 250 },
  "lbf/in2": { min: 1.5, max: 360 },
  kPa: { min: 10, max: 2500 },
};

/** Order in which alternatives are offered when two fit equally (the common device units first). */
const ALTERNATIVES: readonly PressureUnit[] = ["kPa", "kgf/cm2", "N/cm2", "lbf/in2"];

/** A typical threshold (~300 kPa at the upper trapezius): the likeliest unit lands nearest to it. */
const TYPICAL_KPA = 300;

// Every clinic locale (en-GB/US/AU/CA/NZ/IE) groups thousands with "," and writes "." for the
// decimal point, so one English number format serves all of them (clinic-format.test.ts checks).
const number = (n: number) => new Intl.NumberFormat("en", { maximumFractionDigits: 2 }).format(n);

/** Rounds to three significant figures, for "about 30,400 kPa". */
function about(kpa: number): string {
  if (kpa === 0) return "0";
  const digits = Math.floor(Math.log10(Math.abs(kpa))) + 1;
  const factor = 10 ** (digits - 3);
  return number(Math.round(kpa / factor) * factor);
}

export function isPlausibleReading(value: number, unit: PressureUnit): boolean {
  const r = PLAUSIBLE_RANGE[unit];
  return Number.isFinite(value) && value >= r.min && value <= r.max;
}

/** The unit in which this number would be a plausible reading, nearest a typical threshold; null if none. */
export function likelyUnit(value: number, entered: PressureUnit): PressureUnit | null {
  const fits = ALTERNATIVES.filter((u) => u !== entered && isPlausibleReading(value, u));
  if (fits.length === 0) return null;
  const distance = (u: PressureUnit) => Math.abs(Math.log(toKpa(value, u) / TYPICAL_KPA));
  return fits.reduce((best, u) => (distance(u) < distance(best) ? u : best));
}

/**
 * Null for a plausible reading; otherwise the field error, naming the likely slip:
 * "310 kg/cm² is about 30,400 kPa — did you mean kPa?".
 */
export function implausibleReadingMessage(value: number, unit: PressureUnit): string | null {
  if (!Number.isFinite(value)) return "Enter the reading as a number.";
  if (value <= 0) return "An algometer reading is above zero.";
  if (isPlausibleReading(value, unit)) return null;
  const label = PRESSURE_UNIT_LABEL[unit];
  const range = PLAUSIBLE_RANGE[unit];
  const alt = likelyUnit(value, unit);
  const stated =
    unit === "kPa"
      ? `${number(value)} kPa is outside the plausible ${number(range.min)}–${number(range.max)} kPa`
      : `${number(value)} ${label} is about ${about(toKpa(value, unit))} kPa`;
  return alt
    ? `${stated} — did you mean ${PRESSURE_UNIT_LABEL[alt]}?`
    : `${stated}; a threshold reading is ${number(range.min)}–${number(range.max)} ${label}.`;
}

/** Decimals each unit is read to on common devices (0.01 kg/cm², 0.1 N/cm² and lb/in², 1 kPa). */
export const PRESSURE_DECIMALS: Record<PressureUnit, number> = { "kgf/cm2": 2, "N/cm2": 1, "lbf/in2": 1, kPa: 0 };

/** A kPa value shown in the unit the clinician works in: "2.20 kg/cm²", "216 kPa". */
export function formatPressure(kpa: number, unit: PressureUnit): string {
  return `${fromKpa(kpa, unit).toFixed(PRESSURE_DECIMALS[unit])} ${PRESSURE_UNIT_LABEL[unit]}`;
}
