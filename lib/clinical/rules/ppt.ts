/**
 * Pressure pain threshold (algometry) arithmetic. Store the entered value and unit AND the
 * canonical kPa value (domain reference §3); convert only with these factors.
 *
 * Units are the ones the domain reference names: kgf/cm² (what most algometers call "kg/cm²"),
 * N/cm², lbf/in² and kPa. There is no lb/cm² unit in the reference or on common devices.
 */

/** Standard gravity: 1 kgf = 9.80665 N exactly, so 1 kgf/cm² = 98.0665 kPa. */
export const KPA_PER_KGF_CM2 = 98.0665;
/** 1 N/cm² = 10 000 Pa. */
export const KPA_PER_N_CM2 = 10;
/** 1 lbf/in² = 4.4482216152605 N / 6.4516 cm² (the reference rounds this to 6.895). */
export const KPA_PER_LBF_IN2 = 6.894757293168361;

export type PressureUnit = "kgf/cm2" | "N/cm2" | "lbf/in2" | "kPa";

export const PRESSURE_UNITS: readonly PressureUnit[] = ["kgf/cm2", "N/cm2", "lbf/in2", "kPa"];

const KPA_PER_UNIT: Record<PressureUnit, number> = {
  "kgf/cm2": KPA_PER_KGF_CM2,
  "N/cm2": KPA_PER_N_CM2,
  "lbf/in2": KPA_PER_LBF_IN2,
  kPa: 1,
};

export function kgPerCm2ToKpa(value: number): number {
  return value * KPA_PER_KGF_CM2;
}

export function newtonPerCm2ToKpa(value: number): number {
  return value * KPA_PER_N_CM2;
}

export function lbPerIn2ToKpa(value: number): number {
  return value * KPA_PER_LBF_IN2;
}

/** Any supported unit to kPa. */
export function toKpa(value: number, unit: PressureUnit): number {
  return value * KPA_PER_UNIT[unit];
}

/** kPa back to a device unit, for showing a stored value the way the clinic enters it. */
export function fromKpa(kpa: number, unit: PressureUnit): number {
  return kpa / KPA_PER_UNIT[unit];
}

/**
 * Mean of the algometer trials at one site, in kPa. The research protocol averages 3 trials
 * (better reliability) but clinics sometimes record 1–2, so any count is accepted. Returns null
 * for no trials; throws on values that cannot be a threshold (negative, NaN, Infinity) because
 * averaging them would hide a data-entry error.
 */
export function meanKpa(trialsKpa: readonly number[]): number | null {
  if (trialsKpa.length === 0) return null;
  for (const t of trialsKpa) {
    if (!Number.isFinite(t) || t < 0) throw new RangeError(`Invalid PPT trial: ${t}`);
  }
  return trialsKpa.reduce((sum, t) => sum + t, 0) / trialsKpa.length;
}

export interface DelphiCriteria {
  tautBand: boolean;
  /** Hypersensitive spot (spot tenderness) within the band. */
  spotTenderness: boolean;
  /** Referred pain or any referred sensation (ache, tingling, burning). */
  referredPain: boolean;
}

/**
 * International Delphi consensus (Fernández-de-las-Peñas & Dommerholt 2018): a trigger point
 * needs at least 2 of 3 — taut band, hypersensitive spot, referred pain. An aid shown beside the
 * finding; the clinician still decides active vs latent (that turns on symptom recognition).
 */
export function meetsConsensus2of3(criteria: DelphiCriteria): boolean {
  const met = [criteria.tautBand, criteria.spotTenderness, criteria.referredPain].filter(Boolean).length;
  return met >= 2;
}
