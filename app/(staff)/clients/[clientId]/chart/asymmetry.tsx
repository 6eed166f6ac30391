"use client";

import { fromKpa, type PressureUnit } from "@/lib/clinical/rules/ppt";
import { PRESSURE_DECIMALS, PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { pptGap, type AsymmetryRow, type SideReading } from "./history-model";

type Fmt = (iso: string) => string;

/** A stored kPa value in the clinician's unit, to that unit's usual precision. */
const inUnit = (v: number | null, unit: PressureUnit) =>
  v === null ? "–" : fromKpa(v, unit).toFixed(PRESSURE_DECIMALS[unit]);
const score = (v: number | null) => (v === null ? "–" : String(v));

function tendernessSentence(left: number | null, right: number | null): string | null {
  if (left === null || right === null) return null;
  if (left === right) return "Tenderness equal on both sides.";
  const [more, diff] = left > right ? ["Left", left - right] : ["Right", right - left];
  return `${more} more tender by ${diff} point${diff === 1 ? "" : "s"}.`;
}

function pptSentence(left: number | null, right: number | null, unit: PressureUnit): string | null {
  if (left === null || right === null) return null;
  const gap = pptGap(left, right);
  if (!gap) return "PPT equal on both sides.";
  const side = gap.lowerSide === "left" ? "Left" : "Right";
  return `${side} PPT ${gap.percent}% lower (${inUnit(Math.abs(left - right), unit)} ${PRESSURE_UNIT_LABEL[unit]}).`;
}

const when = (r: SideReading, fmt: Fmt) => fmt(r.finding.startedAt);

/**
 * Left against right for each muscle charted on both sides, using each side's latest finding
 * in the range. In healthy people the sides are nearly identical, so a gap is informative
 * (domain reference §3); the numbers are shown, never a verdict.
 */
export function Asymmetry({
  rows,
  fmt,
  pressureUnit,
}: {
  rows: readonly AsymmetryRow[];
  fmt: Fmt;
  pressureUnit: PressureUnit;
}) {
  if (rows.length === 0) {
    return (
      <p className="text-sm text-muted">
        No muscle has points charted on both sides in these visits. Chart the other side at the next visit to compare
        thresholds.
      </p>
    );
  }
  return (
    <div className="space-y-5">
      {rows.map((r) => {
        const { left, right } = r;
        const sameDay = left.finding.visitId === right.finding.visitId;
        const sentences = [
          tendernessSentence(left.finding.tenderness, right.finding.tenderness),
          pptSentence(left.finding.pptKpaMean, right.finding.pptKpaMean, pressureUnit),
        ].filter(Boolean);
        return (
          <div key={r.key}>
            <table className="w-full text-sm">
              <caption className="mb-1 text-left font-medium text-ink">
                {r.muscleName}
                {r.label ? <span className="font-normal text-muted"> · {r.label}</span> : null}
                {sameDay ? <span className="tabular font-normal text-muted"> · {when(left, fmt)}</span> : null}
              </caption>
              <thead>
                <tr className="text-xs text-muted">
                  <td className="py-1" />
                  <th scope="col" className="py-1 text-right font-semibold">
                    Left
                  </th>
                  <th scope="col" className="py-1 text-right font-semibold">
                    Right
                  </th>
                </tr>
              </thead>
              <tbody className="tabular divide-y divide-line border-y border-line">
                <tr>
                  <th scope="row" className="py-1.5 text-left font-normal text-muted">
                    Tenderness (0–10)
                  </th>
                  <td className="py-1.5 text-right">{score(left.finding.tenderness)}</td>
                  <td className="py-1.5 text-right">{score(right.finding.tenderness)}</td>
                </tr>
                <tr>
                  <th scope="row" className="py-1.5 text-left font-normal text-muted">
                    PPT ({PRESSURE_UNIT_LABEL[pressureUnit]})
                  </th>
                  <td className="py-1.5 text-right">{inUnit(left.finding.pptKpaMean, pressureUnit)}</td>
                  <td className="py-1.5 text-right">{inUnit(right.finding.pptKpaMean, pressureUnit)}</td>
                </tr>
                {sameDay ? null : (
                  <tr>
                    <th scope="row" className="py-1.5 text-left font-normal text-muted">
                      Measured
                    </th>
                    <td className="py-1.5 text-right">{when(left, fmt)}</td>
                    <td className="py-1.5 text-right">{when(right, fmt)}</td>
                  </tr>
                )}
              </tbody>
            </table>
            {sentences.length > 0 ? <p className="mt-1.5 text-sm text-ink">{sentences.join(" ")}</p> : null}
          </div>
        );
      })}
      <p className="text-xs text-muted">
        Latest reading of each side within the selected visits. Lower PPT = more sensitive.
      </p>
    </div>
  );
}
