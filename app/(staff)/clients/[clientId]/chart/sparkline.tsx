"use client";

import { Line, LineChart, YAxis } from "recharts";
import { CHART_COLORS } from "@/app/_components/body-chart";

/**
 * A word-sized line chart of one measure over visits. Decorative (aria-hidden): the values are
 * always printed beside it, so nothing depends on reading the line.
 */
export function Sparkline({
  values,
  domain,
}: {
  values: readonly (number | null)[];
  domain: [number, number] | "auto";
}) {
  const data = values.map((v, i) => ({ i, v }));
  if (values.filter((v) => v !== null).length < 2) return null;
  return (
    <span aria-hidden="true" className="inline-block shrink-0">
      <LineChart
        width={96}
        height={28}
        data={data}
        margin={{ top: 4, right: 4, bottom: 4, left: 4 }}
        accessibilityLayer={false}
      >
        <YAxis hide domain={domain === "auto" ? ["dataMin - 20", "dataMax + 20"] : domain} />
        <Line
          type="linear"
          dataKey="v"
          stroke={CHART_COLORS.accent}
          strokeWidth={2}
          dot={{ r: 2.5, fill: CHART_COLORS.accent, strokeWidth: 0 }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </span>
  );
}
