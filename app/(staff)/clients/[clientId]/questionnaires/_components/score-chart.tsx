"use client";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import type { InstrumentSeries } from "@/app/_lib/queries/questionnaires";
import { useFormatDay } from "@/app/_lib/queries/pain";

const DAY = 86_400_000;
const INK = "#0f5c63";
const OK = "#067647";
const AXIS = { fontSize: 12, fill: "#57534e" };

type Row = InstrumentSeries["responses"][number] & { day: string };

const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** About five round ticks across the full range, always including both ends (GROC's −7 and +7). */
function ticksFor({ min, max }: { min: number; max: number }): number[] {
  const rough = (max - min) / 5;
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => s >= rough) ?? rough;
  const ticks = new Set([min, max]);
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.add(t);
  return [...ticks].sort((a, b) => a - b);
}

function ScoreTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const formatDay = useFormatDay();
  const row = payload?.[0]?.payload as (Row & { t: number }) | undefined;
  if (!active || !row) return null;
  return (
    <div className="rounded-md border border-line bg-white px-3 py-2 text-sm shadow-md">
      <p className="font-medium">{formatDay(row.day)}</p>
      <p className="tabular">
        Score: <strong>{row.score}</strong>
        {row.proRated ? " (pro-rated)" : ""}
      </p>
      <p className="text-muted">{row.source === "portal" ? "Filled in on the portal" : "Filled in at the clinic"}</p>
    </div>
  );
}

/**
 * Scores on the questionnaire's full range (so small changes are not exaggerated), over time.
 * The baseline is a dotted line and the day the MCID was first reached a labelled dashed line,
 * so neither depends on colour. Points from the portal are hollow, from the clinic filled.
 */
export function ScoreChart({ series: s, rows, summary }: { series: InstrumentSeries; rows: Row[]; summary: string }) {
  const formatDay = useFormatDay();
  const data = rows.map((r) => ({ ...r, t: toTime(r.day) }));
  const times = data.map((d) => d.t);
  const pad = Math.max(DAY, (Math.max(...times) - Math.min(...times)) * 0.05);
  const mcidAt = s.mcidFirstReachedOn ? toTime(s.mcidFirstReachedOn) : null;
  const baseline = rows.length > 1 ? rows[0]!.score : null;
  return (
    <>
      <div className="h-56 w-full">
        <LineChart
          responsive
          style={{ width: "100%", height: "100%" }}
          data={data}
          margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
          accessibilityLayer
          title={`${s.name} over time`}
          desc={summary}
        >
          <CartesianGrid stroke="#e7e5e4" vertical={false} />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={[Math.min(...times) - pad, Math.max(...times) + pad]}
            tick={AXIS}
            minTickGap={24}
            // One tick per day with answers (two on one day would otherwise give duplicate ticks).
            ticks={[...new Set(times)]}
            tickFormatter={(t: number) => formatDay(new Date(t).toISOString().slice(0, 10), "short")}
          />
          <YAxis domain={[s.range.min, s.range.max]} ticks={ticksFor(s.range)} interval={0} width={44} tick={AXIS} />
          {baseline !== null ? (
            <ReferenceLine
              y={baseline}
              stroke="#78716c"
              strokeDasharray="2 3"
              label={{ value: "Baseline", position: "insideBottomLeft", fontSize: 11, fill: "#57534e" }}
            />
          ) : null}
          {mcidAt !== null ? (
            <ReferenceLine
              x={mcidAt}
              stroke={OK}
              strokeWidth={2}
              strokeDasharray="4 3"
              label={{ value: "MCID", position: "insideTopRight", fill: OK, fontSize: 12, fontWeight: 600 }}
            />
          ) : null}
          <Tooltip content={<ScoreTooltip />} />
          <Line
            name={s.name}
            dataKey="score"
            stroke={INK}
            strokeWidth={2.5}
            isAnimationActive={false}
            activeDot={{ r: 6 }}
            dot={({ cx, cy, index, payload }) => (
              <circle
                key={index}
                cx={cx}
                cy={cy}
                r={4.5}
                strokeWidth={2}
                stroke={INK}
                fill={(payload as Row).source === "portal" ? "#fff" : INK}
              />
            )}
          />
        </LineChart>
      </div>
      <p className="text-xs text-muted" aria-hidden="true">
        ● filled in at the clinic · ○ filled in on the portal{baseline !== null ? " · dotted line: baseline" : ""}
      </p>
    </>
  );
}
