"use client";

import { useId, type ReactNode } from "react";
import { CHART_COLORS } from "./chart-colors";
import { MarkGlyph } from "./mark-glyphs";

export interface ChartLegendProps {
  /** Also explain the dashed textbook referral pattern (when a muscle is selected). */
  showReferralPattern?: boolean;
  /** Also explain the density layer (history view). */
  showHeat?: boolean;
  /** What ghost marks mean where they are not simply "last visit" (e.g. the history view). */
  ghostLabel?: string;
  /** Lay entries out in a row that wraps (default) or one per line. */
  layout?: "row" | "column";
  className?: string;
}

function Swatch({ children }: { children: ReactNode }) {
  return (
    <svg
      viewBox="-14 -14 28 28"
      width={24}
      height={24}
      aria-hidden="true"
      className="shrink-0"
      style={{ printColorAdjust: "exact", WebkitPrintColorAdjust: "exact" }}
    >
      {children}
    </svg>
  );
}

const HATCH_LINES = [-14, -7, 0, 7, 14].map((o) => `M${o - 14} 14 L${o + 14} -14`).join(" ");

/**
 * The fixed body chart legend (DESIGN.md): the same symbols and words wherever the chart
 * appears, so a printed chart can be read on its own. Swatches repeat the chart's drawing exactly.
 */
export function ChartLegend({
  showReferralPattern = false,
  showHeat = false,
  ghostLabel = "Last visit (ghost mark)",
  layout = "row",
  className = "",
}: ChartLegendProps) {
  const clipId = `${useId().replace(/[^a-zA-Z0-9_-]/g, "")}-hatch`;
  const entries: Array<{ key: string; swatch: ReactNode; text: string }> = [
    { key: "active", swatch: <MarkGlyph kind="active" />, text: "Active trigger point" },
    { key: "latent", swatch: <MarkGlyph kind="latent" />, text: "Latent trigger point" },
    {
      key: "referred",
      swatch: (
        <>
          <circle r={11} fill={CHART_COLORS.referred} fillOpacity={0.1} />
          <clipPath id={clipId}>
            <circle r={11} />
          </clipPath>
          <path
            d={HATCH_LINES}
            stroke={CHART_COLORS.referred}
            strokeWidth={2.4}
            strokeOpacity={0.75}
            clipPath={`url(#${clipId})`}
          />
        </>
      ),
      text: "Referred pain",
    },
    {
      key: "client",
      swatch: (
        <>
          <rect x={-12} y={-8} width={8} height={16} fill={CHART_COLORS.client} fillOpacity={0.2} />
          <rect x={-4} y={-8} width={8} height={16} fill={CHART_COLORS.client} fillOpacity={0.45} />
          <rect x={4} y={-8} width={8} height={16} fill={CHART_COLORS.client} fillOpacity={0.67} />
        </>
      ),
      text: "Client-reported pain (darker = higher score, 0–10)",
    },
    { key: "ghost", swatch: <MarkGlyph kind="ghost" />, text: ghostLabel },
  ];
  if (showHeat) {
    entries.push({
      key: "heat",
      swatch: (
        <>
          <circle r={12} fill={CHART_COLORS.heat} fillOpacity={0.18} />
          <circle r={7} fill={CHART_COLORS.heat} fillOpacity={0.3} />
          <circle r={3} fill={CHART_COLORS.heat} fillOpacity={0.45} />
        </>
      ),
      text: "Finding density (darker where points were found at more visits)",
    });
  }
  if (showReferralPattern) {
    entries.push({
      key: "pattern",
      swatch: (
        <ellipse
          rx={11}
          ry={8}
          fill={CHART_COLORS.pattern}
          fillOpacity={0.05}
          stroke={CHART_COLORS.pattern}
          strokeWidth={2}
          strokeDasharray="5 3"
        />
      ),
      text: "Typical referral pattern of the selected muscle",
    });
  }
  return (
    <div className={className}>
      <h3 className="sr-only">Body chart legend</h3>
      <ul className={`flex text-sm text-ink ${layout === "row" ? "flex-wrap gap-x-5 gap-y-2" : "flex-col gap-2"}`}>
        {entries.map((e) => (
          <li key={e.key} className="flex items-center gap-2">
            <Swatch>{e.swatch}</Swatch>
            <span>{e.text}</span>
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span
            aria-hidden="true"
            className="inline-flex w-6 shrink-0 justify-center whitespace-nowrap text-xs font-bold"
          >
            R L
          </span>
          <span>The client&apos;s right and left</span>
        </li>
      </ul>
    </div>
  );
}
