"use client";

import type { SVGProps } from "react";
import { regionShape, type RegionShape } from "@/lib/clinical/rules/regions";
import type { ChartView } from "@/lib/clinical/rules/types";
import { CHART_COLORS, clientShadeOpacity } from "./chart-colors";
import { SILHOUETTE_PATH, toDrawing } from "./outline-geometry";
import type { RegionShade } from "./types";

interface RegionLayersProps {
  view: ChartView;
  /** Unique prefix for <defs> ids (several charts can share a page). */
  idPrefix: string;
  shading: readonly RegionShade[];
  referralOverlay: readonly string[];
}

function shapesIn(view: ChartView, ids: readonly string[]) {
  return ids.map((id) => regionShape(id)).filter((s): s is RegionShape => s?.view === view);
}

function Ellipse({ shape, ...rest }: { shape: RegionShape } & SVGProps<SVGEllipseElement>) {
  const c = toDrawing(shape.x, shape.y);
  const r = toDrawing(shape.rx, shape.ry);
  return <ellipse cx={c.x} cy={c.y} rx={r.x} ry={r.y} {...rest} />;
}

/**
 * Pain shading and the selected muscle's textbook referral pattern, below the marks.
 * - client pain: blue, soft-edged, darker for higher scores, with the score printed (so a
 *   black-and-white print still carries it);
 * - referred pain: soft red diagonal hatching (shape differs from client shading, not just hue);
 * - textbook pattern: a dashed outline around the union of the pattern's regions.
 * Everything is clipped to the body so shading never spills onto the page.
 */
export function RegionLayers({ view, idPrefix, shading, referralOverlay }: RegionLayersProps) {
  const client = shading
    .filter((s) => s.kind === "client")
    .flatMap((s) => {
      const shape = regionShape(s.regionId);
      return shape?.view === view ? [{ shape, score: s.score }] : [];
    });
  const referred = shapesIn(
    view,
    shading.filter((s) => s.kind === "referred").map((s) => s.regionId),
  );
  const pattern = shapesIn(view, referralOverlay);
  if (client.length === 0 && referred.length === 0 && pattern.length === 0) return null;

  const id = (name: string) => `${idPrefix}-${name}`;
  const url = (name: string) => `url(#${id(name)})`;
  return (
    <g pointerEvents="none" aria-hidden="true">
      <defs>
        <clipPath id={id("body")}>
          <path d={SILHOUETTE_PATH} />
        </clipPath>
        <radialGradient id={id("soft")}>
          <stop offset="0.55" stopColor="#fff" />
          <stop offset="1" stopColor="#000" />
        </radialGradient>
        {/* Fades each shape out towards its edge: regions are approximate, so edges should be too. */}
        <mask id={id("fade")} maskContentUnits="objectBoundingBox">
          <rect width="1" height="1" fill={url("soft")} />
        </mask>
        <pattern id={id("hatch")} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="7" stroke={CHART_COLORS.referred} strokeWidth="2.4" />
        </pattern>
        {/* Union outline: stroke every ellipse, then hide the part of each stroke inside any ellipse. */}
        <mask id={id("outside")} maskUnits="userSpaceOnUse">
          <rect x="0" y="0" width="100%" height="100%" fill="#fff" />
          {pattern.map((s) => (
            <Ellipse key={s.id} shape={s} fill="#000" />
          ))}
        </mask>
      </defs>
      <g clipPath={url("body")}>
        {client.map(({ shape, score }) => (
          <Ellipse
            key={`c-${shape.id}`}
            shape={shape}
            fill={CHART_COLORS.client}
            fillOpacity={clientShadeOpacity(score)}
            mask={url("fade")}
          />
        ))}
        {referred.map((shape) => (
          <g key={`r-${shape.id}`} mask={url("fade")}>
            <Ellipse shape={shape} fill={CHART_COLORS.referred} fillOpacity={0.1} />
            <Ellipse shape={shape} fill={url("hatch")} fillOpacity={0.75} />
          </g>
        ))}
      </g>
      {pattern.length > 0 ? (
        <g>
          {pattern.map((s) => (
            <Ellipse key={`pf-${s.id}`} shape={s} fill={CHART_COLORS.pattern} fillOpacity={0.05} />
          ))}
          <g mask={url("outside")} fill="none" stroke={CHART_COLORS.pattern} strokeWidth={4} strokeDasharray="7 4">
            {pattern.map((s) => (
              <Ellipse key={`po-${s.id}`} shape={s} />
            ))}
          </g>
        </g>
      ) : null}
      {client.map(({ shape, score }) =>
        score === undefined ? null : (
          <text
            key={`s-${shape.id}`}
            x={toDrawing(shape.x, 0).x}
            y={toDrawing(0, shape.y).y + 4}
            textAnchor="middle"
            fontSize={11}
            fontWeight={700}
            fill="#123c7c"
            stroke="#fff"
            strokeWidth={3}
            paintOrder="stroke"
            className="tabular-nums"
          >
            {score}
          </text>
        ),
      )}
    </g>
  );
}
