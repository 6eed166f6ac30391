"use client";

import { useId, useState } from "react";
import { CHART_VIEWS, type ChartView } from "@/lib/clinical/rules/types";
import { regionName, regionShape } from "@/lib/clinical/rules/regions";
import { BodyChartView } from "./body-chart-view";
import { markAccessibleName, shadeSummary } from "./chart-text";
import type { BodyChartHandlers, ChartMark, HeatSpot, RegionShade } from "./types";

export interface BodyChartProps extends BodyChartHandlers {
  /** Views to show (default front and back): side by side when there is room, toggled when not. */
  views?: readonly ChartView[];
  marks: readonly ChartMark[];
  regionShading?: readonly RegionShade[];
  /** Region ids of the selected muscle's textbook referral pattern, drawn as a dashed outline. */
  referralOverlay?: readonly string[];
  /** Density layer under the marks (history view); explain it with `<ChartLegend showHeat />`. */
  heat?: readonly HeatSpot[];
  className?: string;
}

const VIEW_NAMES: Record<ChartView, string> = { front: "Front", back: "Back" };

/**
 * The body chart for the visit screen: front and back figures with trigger point marks, pain
 * shading and a referral-pattern overlay. Purely presentational: every change is reported through
 * the callbacks and the parent owns the data (e.g. optimistic react-query updates).
 *
 * Layout follows the chart's own width (a container query), not the window's, because it sits in
 * a column beside the findings: below ~32rem only one view shows, with a Front/Back toggle.
 * Printing always shows every view.
 */
export function BodyChart({
  views = CHART_VIEWS,
  marks,
  regionShading = [],
  referralOverlay = [],
  heat = [],
  className = "",
  ...handlers
}: BodyChartProps) {
  const uid = useId().replace(/[^a-zA-Z0-9_-]/g, "");
  const selected = marks.find((m) => m.selected);
  const [chosen, setChosen] = useState<ChartView>(selected?.view ?? views[0] ?? "front");
  // When a mark is selected elsewhere (e.g. in the findings list), show its view on narrow
  // screens. Adjusting state while rendering, as React recommends instead of an effect.
  const [followed, setFollowed] = useState(selected?.id);
  if (selected?.id !== followed) {
    setFollowed(selected?.id);
    if (selected && views.includes(selected.view)) setChosen(selected.view);
  }
  const active = views.includes(chosen) ? chosen : (views[0] ?? "front");

  return (
    <div className={`@container ${className}`}>
      {views.length > 1 ? (
        <div
          role="group"
          aria-label="Body chart view"
          className="mb-2 inline-flex rounded-md border border-line bg-white p-0.5 @lg:hidden print:hidden"
        >
          {views.map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={v === active}
              onClick={() => setChosen(v)}
              className={`min-h-11 min-w-20 rounded px-4 text-sm font-medium ${v === active ? "bg-accent-700 text-white" : "text-ink hover:bg-stone-100"}`}
            >
              {VIEW_NAMES[v]}
            </button>
          ))}
        </div>
      ) : null}
      <div className={`grid gap-4 ${views.length > 1 ? "@lg:grid-cols-2 print:grid-cols-2" : ""}`}>
        {views.map((v) => (
          <div key={v} className={v === active ? "" : "hidden @lg:block print:block"}>
            <BodyChartView
              view={v}
              marks={marks}
              regionShading={regionShading}
              referralOverlay={referralOverlay}
              heat={heat}
              describedBy={`${uid}-${v}-summary`}
              {...handlers}
            />
            <ViewSummary
              id={`${uid}-${v}-summary`}
              view={v}
              marks={marks}
              shading={regionShading}
              overlay={referralOverlay}
              heat={heat}
            />
          </div>
        ))}
      </div>
    </div>
  );
}

/** Visually hidden text alternative: everything the picture shows, as a list. */
function ViewSummary({
  id,
  view,
  marks,
  shading,
  overlay,
  heat,
}: {
  id: string;
  view: ChartView;
  marks: readonly ChartMark[];
  shading: readonly RegionShade[];
  overlay: readonly string[];
  heat: readonly HeatSpot[];
}) {
  const own = marks.filter((m) => m.view === view);
  const inView = (regionId: string) => regionShape(regionId)?.view === view;
  const shades = shading.filter((s) => inView(s.regionId));
  const pattern = overlay.filter(inView);
  const density = heat.filter((h) => h.view === view).length;
  return (
    <div id={id} className="sr-only">
      <p>{`${VIEW_NAMES[view]} view: ${own.length === 0 ? "no trigger points marked" : `${own.length} trigger point mark${own.length === 1 ? "" : "s"}`}.`}</p>
      {own.length + shades.length + pattern.length + density > 0 ? (
        <ul>
          {own.map((m) => (
            <li key={m.id}>
              {markAccessibleName(m)}
              {m.selected ? " (selected)" : ""}
            </li>
          ))}
          {shades.map((s) => (
            <li key={`${s.kind}-${s.regionId}`}>{shadeSummary(s)}</li>
          ))}
          {pattern.length > 0 ? (
            <li>{`Typical referral pattern of the selected muscle: ${pattern.map(regionName).join(", ")}`}</li>
          ) : null}
          {density > 0 ? <li>{`Density shading from ${density} finding${density === 1 ? "" : "s"}`}</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
