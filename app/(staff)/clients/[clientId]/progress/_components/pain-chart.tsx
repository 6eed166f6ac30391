"use client";
import { useId } from "react";
import { TableDisclosure } from "@/app/_components/ui/table-disclosure";
import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ComplaintProgress } from "@/lib/outcomes/pain/schemas";
import { dayToTime, painRows } from "@/app/_lib/pain-series";
import { useFormatDay } from "@/app/_lib/queries/pain";
import { DayTooltip, Legend, SERIES, ScreenAndPrint, SquareDot, timeDomain, useDayTick } from "./chart-parts";

const TICKS = [0, 2, 4, 6, 8, 10];

/**
 * Pain over time for one complaint: visit scores before (solid, filled circles) and after
 * treatment (dashed, hollow circles) and diary entries (hollow squares), on the full 0–10 scale
 * so small changes are not exaggerated. A summary sentence and a table carry the same data.
 */
export function PainChart({ complaint: c, summary }: { complaint: ComplaintProgress; summary: string }) {
  const id = useId();
  const formatDay = useFormatDay();
  const dayTick = useDayTick();
  const rows = painRows(c);
  const hasAfter = rows.some((r) => r.after !== null);
  const hasDiary = rows.some((r) => r.diary !== null);
  const mcidAt = c.mcidFirstReachedOn ? dayToTime(c.mcidFirstReachedOn) : null;
  const cell = (v: number | null) =>
    v === null ? (
      <span className="text-muted">
        —<span className="sr-only">not recorded</span>
      </span>
    ) : (
      v
    );

  return (
    <figure className="space-y-3" aria-labelledby={`${id}-cap`}>
      <figcaption id={`${id}-cap`} className="sr-only">
        Pain over time, {c.title}. {summary}
      </figcaption>
      <Legend
        items={[
          { kind: "before", label: SERIES.before.label },
          ...(hasAfter ? [{ kind: "after" as const, label: SERIES.after.label }] : []),
          ...(hasDiary ? [{ kind: "diary" as const, label: SERIES.diary.label }] : []),
          ...(c.baseline ? [{ kind: "baseline" as const, label: `Baseline ${c.baseline.score}` }] : []),
          ...(mcidAt ? [{ kind: "mcid" as const, label: "MCID first reached" }] : []),
        ]}
      />
      <ScreenAndPrint
        className="h-64"
        plot={(size, print) => (
          <LineChart
            {...size}
            data={rows}
            margin={{ top: 12, right: 16, bottom: 4, left: 0 }}
            accessibilityLayer={!print}
            title={`Pain over time: ${c.title}`}
            desc={summary}
          >
            <CartesianGrid stroke="#e7e5e4" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={timeDomain(rows.map((r) => r.t))}
              tickFormatter={dayTick}
              tick={{ fontSize: 12, fill: "#57534e" }}
              minTickGap={24}
            />
            <YAxis
              domain={[0, 10]}
              ticks={TICKS}
              allowDecimals={false}
              width={44}
              tick={{ fontSize: 12, fill: "#57534e" }}
              label={{
                value: "Pain (0–10)",
                angle: -90,
                position: "insideLeft",
                offset: 12,
                fontSize: 12,
                fill: "#57534e",
              }}
            />
            {c.baseline ? <ReferenceLine y={c.baseline.score} stroke="#78716c" strokeDasharray="2 3" /> : null}
            {mcidAt ? (
              <ReferenceLine
                x={mcidAt}
                stroke="#067647"
                strokeWidth={2}
                strokeDasharray="4 3"
                label={{ value: "MCID", position: "insideTopRight", fill: "#067647", fontSize: 12, fontWeight: 600 }}
              />
            ) : null}
            {print ? null : <Tooltip content={<DayTooltip unit="/10" />} />}
            <Line
              name="Before treatment"
              dataKey="before"
              stroke={SERIES.before.color}
              strokeWidth={2.5}
              connectNulls
              isAnimationActive={false}
              dot={{ r: 4, fill: SERIES.before.color, stroke: SERIES.before.color }}
              activeDot={{ r: 6 }}
            />
            {hasAfter ? (
              <Line
                name="After treatment"
                dataKey="after"
                stroke={SERIES.after.color}
                strokeWidth={2}
                strokeDasharray={SERIES.after.dash}
                connectNulls
                isAnimationActive={false}
                dot={{ r: 4, fill: "#fff", stroke: SERIES.after.color, strokeWidth: 2, strokeDasharray: "none" }}
                activeDot={{ r: 6 }}
              />
            ) : null}
            {hasDiary ? (
              <Line
                name="Diary"
                dataKey="diary"
                stroke="none"
                isAnimationActive={false}
                dot={SquareDot}
                activeDot={{ r: 6, fill: SERIES.diary.color }}
              />
            ) : null}
          </LineChart>
        )}
      />
      <TableDisclosure showLabel="Show the scores as a table" hideLabel="Hide the scores table">
        <table className="report-table w-full text-left text-sm tabular">
          <caption className="sr-only">Scores for {c.title}</caption>
          <thead>
            <tr className="border-b border-line text-muted">
              <th scope="col" className="py-1 pr-4 font-medium">
                Date
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                Before treatment
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                After treatment
              </th>
              <th scope="col" className="py-1 font-medium">
                Diary
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.date} className="border-b border-line last:border-0">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {formatDay(r.date)}
                </th>
                <td className="py-1 pr-4">{cell(r.before)}</td>
                <td className="py-1 pr-4">{cell(r.after)}</td>
                <td className="py-1">
                  {cell(r.diary)}
                  {r.note ? <span className="ml-2 text-muted">“{r.note}”</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDisclosure>
    </figure>
  );
}
