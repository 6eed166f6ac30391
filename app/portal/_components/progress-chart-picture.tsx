"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import { CLINIC, DIARY, type Row } from "./progress-chart-rows";
import { shortDay } from "./days";

function SquareDot({ cx, cy, index }: { cx?: number; cy?: number; index: number }) {
  if (cx == null || cy == null) return <g key={index} />;
  return <rect key={index} x={cx - 4} y={cy - 4} width={8} height={8} fill={CLINIC} />;
}

/** The line picture of ProgressChart (progress-chart.tsx), loaded on its own so recharts is not first-load. */
export function ProgressChartPicture({
  rows,
  hasDiary,
  hasClinic,
}: {
  rows: Row[];
  hasDiary: boolean;
  hasClinic: boolean;
}) {
  const f = useClinicFormat();
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  return (
    <LineChart
      responsive
      style={{ width: "100%", height: "100%" }}
      data={rows}
      margin={{ top: 8, right: 12, bottom: 0, left: -20 }}
      accessibilityLayer={false}
    >
      <CartesianGrid vertical={false} stroke="#e7e5e4" />
      <XAxis
        dataKey="t"
        type="number"
        scale="time"
        domain={[first.t, last.t]}
        ticks={first.t === last.t ? [first.t] : [first.t, last.t]}
        tickFormatter={(t: number) => shortDay(new Date(t).toISOString().slice(0, 10), f)}
        tick={{ fontSize: 12, fill: "#57534e" }}
        tickLine={false}
        axisLine={{ stroke: "#d6d3d1" }}
        padding={{ left: 10, right: 10 }}
      />
      <YAxis
        domain={[0, 10]}
        ticks={[0, 5, 10]}
        tick={{ fontSize: 12, fill: "#57534e" }}
        tickLine={false}
        axisLine={false}
      />
      {hasClinic ? (
        <Line
          dataKey="clinic"
          stroke={CLINIC}
          strokeWidth={2}
          strokeDasharray="5 4"
          dot={SquareDot}
          connectNulls
          isAnimationActive={false}
        />
      ) : null}
      {hasDiary ? (
        <Line
          dataKey="diary"
          stroke={DIARY}
          strokeWidth={2.5}
          dot={{ r: 4, fill: DIARY, strokeWidth: 0 }}
          connectNulls
          isAnimationActive={false}
        />
      ) : null}
    </LineChart>
  );
}
