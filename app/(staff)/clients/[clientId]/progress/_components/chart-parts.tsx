"use client";
import type { ReactNode } from "react";
import type { DotItemDotProps, TooltipContentProps } from "recharts";
import { useFormatDay } from "@/app/_lib/queries/pain";

/**
 * Series styles shared by the charts and their legends. Each series differs by line style and
 * marker shape as well as colour, so the charts read in greyscale print and without colour vision.
 * Diary points are blue: client-reported pain is blue across the product (DESIGN.md).
 */
export const SERIES = {
  before: { color: "#0f5c63", label: "Before treatment (visit)" },
  after: { color: "#57534e", label: "After treatment (visit)", dash: "6 4" },
  diary: { color: "#1d4ed8", label: "Client diary" },
  tenderness: { color: "#0f5c63", label: "Mean tenderness (0–10)" },
  active: { color: "#b42318", label: "Active trigger points" },
} as const;

const DAY = 86_400_000;

/** How a chart is sized: to its box on screen, or fixed at the A4 text width for print. */
export type PlotSize =
  { responsive: true; style: { width: string; height: string } } | { width: number; height: number };
export const SCREEN: PlotSize = { responsive: true, style: { width: "100%", height: "100%" } };
export const PRINT: PlotSize = { width: 680, height: 250 };

/**
 * Draws a chart twice: sized to the screen, and a copy at A4 width shown only in print. Print
 * layout does not run JavaScript, so a screen-width chart would only be shrunk, text and all.
 */
export function ScreenAndPrint({
  className,
  plot,
}: {
  className: string;
  plot: (size: PlotSize, print: boolean) => ReactNode;
}) {
  return (
    <>
      <div className={`${className} w-full print:hidden`}>{plot(SCREEN, false)}</div>
      <div className="print-chart hidden print:block" aria-hidden>
        {plot(PRINT, true)}
      </div>
    </>
  );
}

/** A time axis over the data's days, padded so a single day or the end points are not on the frame. */
export function timeDomain(times: number[]): [number, number] {
  const min = Math.min(...times);
  const max = Math.max(...times);
  const pad = Math.max(DAY, (max - min) * 0.04);
  return [min - pad, max + pad];
}

/** The x-axis tick: the day in the clinic's short words ("6 Dec" / "Dec 6"). */
export function useDayTick() {
  const formatDay = useFormatDay();
  return (t: number) => formatDay(new Date(t).toISOString().slice(0, 10), "short");
}

/** Hollow square: diary entries. Recharts calls this for every row, so rows without a value draw nothing. */
export function SquareDot({ cx, cy, index }: DotItemDotProps) {
  if (cx == null || cy == null) return <g key={index} />;
  return (
    <rect
      key={index}
      x={Number(cx) - 4.5}
      y={Number(cy) - 4.5}
      width={9}
      height={9}
      fill="#fff"
      stroke={SERIES.diary.color}
      strokeWidth={2}
    />
  );
}

/** Small inline samples that match what the chart draws, for the HTML legend. */
export function Swatch({
  kind,
}: {
  kind: "before" | "after" | "diary" | "tenderness" | "active" | "baseline" | "mcid";
}) {
  const svg = (children: ReactNode) => (
    <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden className="shrink-0">
      {children}
    </svg>
  );
  switch (kind) {
    case "before":
    case "tenderness":
      return svg(
        <>
          <line x1="0" y1="7" x2="28" y2="7" stroke={SERIES.before.color} strokeWidth="2.5" />
          <circle cx="14" cy="7" r="4" fill={SERIES.before.color} />
        </>,
      );
    case "after":
      return svg(
        <>
          <line
            x1="0"
            y1="7"
            x2="28"
            y2="7"
            stroke={SERIES.after.color}
            strokeWidth="2"
            strokeDasharray={SERIES.after.dash}
          />
          <circle cx="14" cy="7" r="3.5" fill="#fff" stroke={SERIES.after.color} strokeWidth="2" />
        </>,
      );
    case "diary":
      return svg(<rect x="9.5" y="2.5" width="9" height="9" fill="#fff" stroke={SERIES.diary.color} strokeWidth="2" />);
    case "active":
      return svg(<rect x="9" y="1" width="10" height="12" fill={SERIES.active.color} fillOpacity="0.75" />);
    case "baseline":
      return svg(<line x1="0" y1="7" x2="28" y2="7" stroke="#78716c" strokeWidth="1.5" strokeDasharray="2 3" />);
    case "mcid":
      return svg(<line x1="14" y1="0" x2="14" y2="14" stroke="#067647" strokeWidth="2" strokeDasharray="4 3" />);
  }
}

export function Legend({ items }: { items: { kind: Parameters<typeof Swatch>[0]["kind"]; label: string }[] }) {
  return (
    <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-muted" aria-label="Legend">
      {items.map((i) => (
        <li key={i.label} className="flex items-center gap-2">
          <Swatch kind={i.kind} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** Tooltip in words, one line per value present; "not recorded" rather than a gap. */
export function DayTooltip({
  active,
  payload,
  label,
  unit,
}: Partial<TooltipContentProps<number, string>> & { unit?: string }) {
  const formatDay = useFormatDay();
  if (!active || !payload?.length || typeof label !== "number") return null;
  return (
    <div className="rounded-md border border-line bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-medium">{formatDay(new Date(label).toISOString().slice(0, 10))}</p>
      <ul className="tabular">
        {payload
          .filter((p) => p.value !== null && p.value !== undefined)
          .map((p) => (
            <li key={String(p.dataKey)}>
              {p.name}: <strong>{p.value}</strong>
              {unit ?? ""}
            </li>
          ))}
      </ul>
    </div>
  );
}
