"use client";
import { useMemo } from "react";
import { musclesReferringTo } from "@/lib/clinical/rules/referral-search";
import type { ReferenceMuscle } from "@/lib/clinical/rules/types";
import { regionName } from "@/lib/clinical/rules/regions";
import { RegionPicker } from "./region-picker";

const SIDE_TEXT = { left: "left", right: "right", both: "either side", midline: "midline" } as const;

/**
 * Working backwards from the complaint: the client's pain areas (shaded blue on the chart)
 * and the muscles whose typical referral zones cover them, most likely first.
 */
export function PalpatePanel({
  painRegions,
  checkIn,
  onChange,
  muscles,
  editable,
  onPick,
}: {
  painRegions: string[];
  /** The client's own weekly check-in: its areas count too. */
  checkIn: { weekStart: string; regions: string[] } | null;
  onChange: (regions: string[]) => void;
  muscles: ReferenceMuscle[];
  editable: boolean;
  onPick: (muscleId: string) => void;
}) {
  const allRegions = useMemo(() => [...new Set([...painRegions, ...(checkIn?.regions ?? [])])], [painRegions, checkIn]);
  const candidates = useMemo(() => musclesReferringTo(allRegions, muscles).slice(0, 8), [allRegions, muscles]);
  return (
    <div className="space-y-3">
      <RegionPicker
        label="Where the client feels pain today"
        value={painRegions}
        onChange={onChange}
        disabled={!editable}
      />
      {checkIn && checkIn.regions.length > 0 ? (
        <p className="text-sm text-muted">
          Also from the client&apos;s check-in (week of {checkIn.weekStart}):{" "}
          {checkIn.regions.map(regionName).join(", ")}.
        </p>
      ) : null}
      {allRegions.length === 0 ? (
        <p className="text-sm text-muted">
          Add the client&apos;s pain areas to see which muscles typically refer there.
        </p>
      ) : candidates.length === 0 ? (
        <p className="text-sm text-muted">No muscle in the library typically refers to these areas.</p>
      ) : (
        <ol className="space-y-1" aria-label="Muscles to palpate, most likely first">
          {candidates.map((c) => (
            <li key={`${c.muscleId}-${c.side}`}>
              <button
                type="button"
                onClick={() => onPick(c.muscleId)}
                className="flex min-h-11 w-full flex-wrap items-baseline gap-x-2 rounded-md px-2 py-1 text-left text-sm hover:bg-accent-50"
              >
                <span className="font-medium">{c.muscleName}</span>
                <span className="text-muted">({SIDE_TEXT[c.side]})</span>
                <span className="text-xs text-muted">covers {c.matchedRegions.map(regionName).join(", ")}</span>
              </button>
            </li>
          ))}
        </ol>
      )}
      <p className="text-xs text-muted">
        Typical patterns, not fixed maps: a checklist for examination, never a diagnosis.
      </p>
    </div>
  );
}
