"use client";

import { MarkGlyph } from "@/app/_components/body-chart/mark-glyphs";
import { fromKpa, type PressureUnit } from "@/lib/clinical/rules/ppt";
import { PRESSURE_DECIMALS, PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { Sparkline } from "./sparkline";
import { isResolved, sideWord, type HistoryFinding, type HistoryPoint } from "./history-model";
import { ScrollRegion } from "@/app/_components/ui/scroll-region";

type Fmt = (iso: string) => string;

const STATUS_WORDS: Record<string, string> = {
  new: "new",
  unchanged: "unchanged",
  better: "better",
  worse: "worse",
  resolved: "resolved",
  not_checked: "not checked",
};

function stateOf(f: HistoryFinding): { word: string; kind: "active" | "latent" | "ghost" } {
  if (isResolved(f)) return { word: "Resolved", kind: "ghost" };
  return f.type === "active" ? { word: "Active", kind: "active" } : { word: "Latent", kind: "latent" };
}

/** active → latent → resolved, one step per visit, each with its date and the status given. */
function Course({ point, fmt }: { point: HistoryPoint; fmt: Fmt }) {
  return (
    <ol className="flex flex-wrap items-start gap-x-1.5 gap-y-2">
      {point.findings.map((f, i) => {
        const { word, kind } = stateOf(f);
        const status = f.status && f.status !== "new" && f.status !== "resolved" ? STATUS_WORDS[f.status] : null;
        return (
          <li key={f.visitId} className="flex items-start gap-1">
            {i > 0 ? (
              <span aria-hidden="true" className="pt-4 text-muted">
                →
              </span>
            ) : null}
            <span className="flex flex-col leading-tight">
              <span className="tabular text-xs text-muted">{fmt(f.startedAt)}</span>
              <span className="mt-0.5 flex items-center gap-1 text-sm font-medium text-ink">
                <svg viewBox="-12 -12 24 24" width={14} height={14} aria-hidden="true" className="shrink-0">
                  <MarkGlyph kind={kind} />
                </svg>
                {word}
              </span>
              {status ? <span className="text-xs text-muted">{status}</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * One measure over visits: sparkline, the values in order, and the change since the first
 * reading in words (coloured too, but never only coloured). `higherIsBetter` is true for PPT (a
 * higher threshold means less sensitive) and false for tenderness.
 */
function Measure({
  point,
  pick,
  unit,
  domain,
  higherIsBetter,
  fmt,
  name,
  decimals = 0,
}: {
  point: HistoryPoint;
  pick(f: HistoryFinding): number | null;
  unit: string;
  decimals?: number;
  domain: [number, number] | "auto";
  higherIsBetter: boolean;
  fmt: Fmt;
  name: string;
}) {
  const values = point.findings.map(pick);
  const measured = values.filter((v): v is number => v !== null);
  const show = (v: number | null) => (v === null ? "–" : v.toFixed(decimals));
  const first = measured[0];
  const last = measured.at(-1);
  const delta =
    first !== undefined && last !== undefined && measured.length > 1 ? Number((last - first).toFixed(decimals)) : null;
  const better = delta !== null && delta !== 0 && delta > 0 === higherIsBetter;
  const spoken = point.findings
    .map((f, i) => `${values[i] === null ? "not recorded" : `${show(values[i]!)}${unit}`} on ${fmt(f.startedAt)}`)
    .join(", ");
  return (
    <div className="flex flex-col items-start gap-0.5">
      <Sparkline values={values} domain={domain} />
      <div className="min-w-0">
        <p className="tabular text-sm text-ink" aria-hidden="true">
          {/* Breaks only after an arrow, never inside a reading. */}
          {values.flatMap((v, i) => [
            i > 0 ? " " : null,
            <span key={i} className="whitespace-nowrap">
              {show(v)}
              {i < values.length - 1 ? " →" : ""}
            </span>,
          ])}
        </p>
        <p className="sr-only">{`${name}: ${spoken}.`}</p>
        {delta !== null ? (
          <p className={`tabular text-xs font-medium ${delta === 0 ? "text-muted" : better ? "text-ok" : "text-warn"}`}>
            {delta === 0 ? "No change" : `${delta > 0 ? "Up" : "Down"} ${Math.abs(delta)}${unit}`}
            <span className="sr-only"> since {fmt(point.findings[0]!.startedAt)}</span>
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * Per-point history: each trigger point's course, tenderness and pressure pain threshold over
 * the visits in range. Selecting a point highlights it on the chart (and the chart selects rows).
 */
export function PointHistoryTable({
  points,
  fmt,
  selectedId,
  onSelect,
  pressureUnit,
}: {
  points: readonly HistoryPoint[];
  fmt: Fmt;
  selectedId: string | null;
  onSelect(id: string | null): void;
  /** The unit the therapist enters readings in, so history and editor read the same. */
  pressureUnit: PressureUnit;
}) {
  return (
    <ScrollRegion label="Trigger point history" className="-mx-5 px-5">
      <table className="w-full min-w-[44rem] text-left text-sm">
        <caption className="sr-only">
          Trigger points over the selected visits: course, tenderness and pressure pain threshold
        </caption>
        <thead className="whitespace-nowrap border-b border-line text-xs font-semibold uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="w-36 py-2 pr-4 font-semibold">
              Trigger point
            </th>
            <th scope="col" className="py-2 pr-4 font-semibold">
              Course
            </th>
            <th scope="col" className="w-36 py-2 pr-4 font-semibold">
              Tenderness (0–10)
            </th>
            <th scope="col" className="w-44 py-2 font-semibold">
              PPT ({PRESSURE_UNIT_LABEL[pressureUnit]}, mean)
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-line">
          {points.map((p) => {
            const selected = p.triggerPointId === selectedId;
            return (
              <tr key={p.triggerPointId} className={selected ? "bg-accent-50" : undefined}>
                <th scope="row" className="py-3 pr-4 align-top font-normal">
                  <button
                    type="button"
                    aria-pressed={selected}
                    onClick={() => onSelect(selected ? null : p.triggerPointId)}
                    className="-mx-2 flex min-h-11 flex-col items-start rounded px-2 py-1 text-left hover:bg-stone-100"
                  >
                    <span className="font-medium text-accent-700">{p.muscleName}</span>
                    <span className="text-xs text-muted">
                      {sideWord(p.side)}
                      {p.label ? ` · ${p.label}` : ""}
                    </span>
                  </button>
                </th>
                <td className="py-3 pr-4 align-top">
                  <Course point={p} fmt={fmt} />
                </td>
                <td className="py-3 pr-4 align-top">
                  <Measure
                    point={p}
                    pick={(f) => f.tenderness}
                    unit=""
                    domain={[0, 10]}
                    higherIsBetter={false}
                    fmt={fmt}
                    name="Tenderness"
                  />
                </td>
                <td className="py-3 align-top">
                  <Measure
                    point={p}
                    pick={(f) => (f.pptKpaMean === null ? null : fromKpa(f.pptKpaMean, pressureUnit))}
                    unit={` ${PRESSURE_UNIT_LABEL[pressureUnit]}`}
                    decimals={PRESSURE_DECIMALS[pressureUnit]}
                    domain="auto"
                    higherIsBetter
                    fmt={fmt}
                    name="PPT"
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
