"use client";
import { Line, LineChart, YAxis } from "recharts";

/**
 * A tiny trend of the usual pain (0–10) beside a complaint. Decorative: the text next to it
 * carries the numbers, so it is hidden from screen readers and takes no keyboard focus.
 */
export function PainSparkline({ points }: { points: { t: number; score: number }[] }) {
  if (points.length < 2) return null;
  return (
    <span aria-hidden className="inline-block align-middle">
      <LineChart
        width={96}
        height={32}
        data={points}
        margin={{ top: 3, right: 3, bottom: 3, left: 3 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={[0, 10]} />
        <Line dataKey="score" stroke="var(--color-accent-700)" strokeWidth={2} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
