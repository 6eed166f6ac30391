/**
 * A word-sized line of values as plain SVG: no chart library, no client JavaScript (recharts
 * cost ~100 KB gzip on every page that showed one: issue 16). Decorative (aria-hidden): callers
 * print the values beside it. Nulls are skipped and the line joins the neighbours, as before.
 */
export function Sparkline({
  values,
  domain,
  width = 96,
  height = 28,
  color = "currentColor",
  dots = false,
}: {
  values: readonly (number | null)[];
  /** The value range drawn bottom to top; "auto" pads the data's own range by `autoPad`. */
  domain: [number, number] | { auto: number };
  width?: number;
  height?: number;
  color?: string;
  dots?: boolean;
}) {
  const known = values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
  if (known.length < 2) return null;
  const [lo, hi] = Array.isArray(domain)
    ? domain
    : [Math.min(...known.map((p) => p.v)) - domain.auto, Math.max(...known.map((p) => p.v)) + domain.auto];
  const pad = 4;
  const x = (i: number) => pad + (values.length === 1 ? 0 : (i / (values.length - 1)) * (width - 2 * pad));
  const y = (v: number) => {
    const span = hi - lo || 1;
    const clamped = Math.min(hi, Math.max(lo, v));
    return pad + (1 - (clamped - lo) / span) * (height - 2 * pad);
  };
  const points = known.map((p) => `${x(p.i).toFixed(1)},${y(p.v).toFixed(1)}`).join(" ");
  return (
    <span aria-hidden="true" className="inline-block shrink-0 align-middle">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} focusable="false">
        <polyline points={points} fill="none" stroke={color} strokeWidth={2} strokeLinejoin="round" />
        {dots ? known.map((p) => <circle key={p.i} cx={x(p.i)} cy={y(p.v)} r={2.5} fill={color} />) : null}
      </svg>
    </span>
  );
}
