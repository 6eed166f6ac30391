"use client";
import { useId } from "react";
import { TableDisclosure } from "@/app/_components/ui/table-disclosure";
import { Bar, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { ProgressDto } from "@/lib/outcomes/pain/schemas";
import { dayToTime } from "@/app/_lib/pain-series";
import { useFormatDay, type FormatDay } from "@/app/_lib/queries/pain";
import { DayTooltip, Legend, SERIES, ScreenAndPrint, timeDomain, useDayTick } from "./chart-parts";

type Visit = ProgressDto["tenderness"][number];

function sentence(rows: Visit[], formatDay: FormatDay): string {
  const first = rows[0]!;
  const last = rows.at(-1)!;
  const scored = rows.filter((r) => r.meanTenderness !== null);
  const span =
    rows.length === 1
      ? `At the one visit on ${formatDay(first.date)}`
      : `Across ${rows.length} visits from ${formatDay(first.date)} to ${formatDay(last.date)}`;
  const tender =
    scored.length === 0
      ? "no tenderness was scored"
      : scored.length === 1
        ? `mean tenderness was ${scored[0]!.meanTenderness} out of 10`
        : `mean tenderness went from ${scored[0]!.meanTenderness} to ${scored.at(-1)!.meanTenderness} out of 10`;
  const active =
    rows.length === 1
      ? `${first.activePoints} active trigger point${first.activePoints === 1 ? " was" : "s were"} charted`
      : `active trigger points went from ${first.activePoints} to ${last.activePoints}`;
  return `${span}, ${tender}, and ${active}.`;
}

/** Trigger point findings per visit: mean tenderness (line, 0–10) and active points (bars, count). */
export function TendernessChart({ rows }: { rows: Visit[] }) {
  const id = useId();
  const formatDay = useFormatDay();
  const dayTick = useDayTick();
  const data = rows.map((r) => ({ ...r, t: dayToTime(r.date) }));
  const maxActive = Math.max(4, ...rows.map((r) => r.activePoints));
  const summary = sentence(rows, formatDay);
  return (
    <figure className="space-y-3" aria-labelledby={`${id}-cap`}>
      <p id={`${id}-cap`} className="text-sm text-ink">
        {summary}
      </p>
      <Legend
        items={[
          { kind: "tenderness", label: SERIES.tenderness.label },
          { kind: "active", label: `${SERIES.active.label} (right scale)` },
        ]}
      />
      <ScreenAndPrint
        className="h-56"
        plot={(size, print) => (
          <ComposedChart
            {...size}
            data={data}
            margin={{ top: 12, right: 8, bottom: 4, left: 0 }}
            accessibilityLayer={!print}
            title="Trigger point tenderness per visit"
            desc={summary}
          >
            <CartesianGrid stroke="#e7e5e4" vertical={false} />
            <XAxis
              dataKey="t"
              type="number"
              scale="time"
              domain={timeDomain(data.map((d) => d.t))}
              tickFormatter={dayTick}
              tick={{ fontSize: 12, fill: "#57534e" }}
              minTickGap={24}
            />
            <YAxis
              yAxisId="tender"
              domain={[0, 10]}
              ticks={[0, 2, 4, 6, 8, 10]}
              width={44}
              tick={{ fontSize: 12, fill: "#57534e" }}
              label={{
                value: "Tenderness",
                angle: -90,
                position: "insideLeft",
                offset: 12,
                fontSize: 12,
                fill: "#57534e",
              }}
            />
            <YAxis
              yAxisId="active"
              orientation="right"
              domain={[0, maxActive]}
              allowDecimals={false}
              width={44}
              tick={{ fontSize: 12, fill: "#57534e" }}
              label={{
                value: "Active points",
                angle: 90,
                position: "insideRight",
                offset: 12,
                fontSize: 12,
                fill: "#57534e",
              }}
            />
            {print ? null : <Tooltip content={<DayTooltip />} />}
            <Bar
              yAxisId="active"
              name="Active trigger points"
              dataKey="activePoints"
              fill={SERIES.active.color}
              fillOpacity={0.75}
              barSize={14}
              isAnimationActive={false}
            />
            <Line
              yAxisId="tender"
              name="Mean tenderness"
              dataKey="meanTenderness"
              stroke={SERIES.tenderness.color}
              strokeWidth={2.5}
              connectNulls
              dot={{ r: 4, fill: SERIES.tenderness.color }}
              isAnimationActive={false}
            />
          </ComposedChart>
        )}
      />
      <TableDisclosure showLabel="Show the findings as a table" hideLabel="Hide the findings table">
        <table className="report-table w-full text-left text-sm tabular">
          <caption className="sr-only">Trigger point findings per visit</caption>
          <thead>
            <tr className="border-b border-line text-muted">
              <th scope="col" className="py-1 pr-4 font-medium">
                Visit
              </th>
              <th scope="col" className="py-1 pr-4 font-medium">
                Mean tenderness (0–10)
              </th>
              <th scope="col" className="py-1 font-medium">
                Active trigger points
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.visitId} className="border-b border-line last:border-0">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {formatDay(r.date)}
                </th>
                <td className="py-1 pr-4">
                  {r.meanTenderness ?? (
                    <span className="text-muted">
                      —<span className="sr-only">not scored</span>
                    </span>
                  )}
                </td>
                <td className="py-1">{r.activePoints}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableDisclosure>
    </figure>
  );
}
