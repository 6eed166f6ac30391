"use client";
import { CartesianGrid, Line, LineChart, XAxis, YAxis } from "recharts";
import type { ComplaintProgress } from "@/lib/pain/schemas";
import { dayLabel, inSentence, shortDay } from "./days";
import { Score } from "./score";

// Chart colours: the accent for the client's own diary, warm grey for the clinic. The two
// also differ in dot shape (circle / square) and line style (solid / dashed), and the text
// list below carries every value, so nothing depends on telling the colours apart.
const DIARY = "#0f6b73";
const CLINIC = "#57534e";

interface Row {
  date: string;
  t: number;
  diary?: number;
  clinic?: number;
}

/** Diary scores and before-treatment visit scores (after-treatment ones are not the usual pain), by day. */
function toRows(c: ComplaintProgress): Row[] {
  const byDate = new Map<string, Row>();
  const row = (date: string) =>
    byDate.get(date) ?? byDate.set(date, { date, t: Date.parse(`${date}T00:00:00Z`) }).get(date)!;
  for (const v of c.visits) if (v.before !== null) row(v.date).clinic = v.before;
  for (const d of c.diary) row(d.date).diary = d.score;
  return [...byDate.values()].sort((a, b) => a.t - b.t);
}

function SquareDot({ cx, cy, index }: { cx?: number; cy?: number; index: number }) {
  if (cx == null || cy == null) return <g key={index} />;
  return <rect key={index} x={cx - 4} y={cy - 4} width={8} height={8} fill={CLINIC} />;
}

/**
 * A small line of one complaint's scores over time, 0 at the bottom. The picture is hidden
 * from screen readers; the same scores are in the list under it, for everyone.
 */
export function ProgressChart({ complaint, today }: { complaint: ComplaintProgress; today: string }) {
  const rows = toRows(complaint);
  if (rows.length === 0) return null;
  const hasDiary = rows.some((r) => r.diary !== undefined);
  const hasClinic = rows.some((r) => r.clinic !== undefined);
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const scores = [...rows]
    .reverse()
    .flatMap((r) => [
      ...(r.diary !== undefined ? [{ key: `${r.date}d`, date: r.date, score: r.diary, source: "your diary" }] : []),
      ...(r.clinic !== undefined
        ? [{ key: `${r.date}c`, date: r.date, score: r.clinic, source: "at the clinic" }]
        : []),
    ]);

  return (
    <div className="space-y-2">
      {rows.length > 1 ? (
        <>
          <div className="h-40 w-full" aria-hidden="true">
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
                tickFormatter={(t: number) => shortDay(new Date(t).toISOString().slice(0, 10))}
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
          </div>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted" aria-hidden="true">
            {hasDiary ? (
              <span className="inline-flex items-center gap-1.5">
                <span className="inline-block size-2.5 rounded-full" style={{ background: DIARY }} /> Your diary (solid
                line)
              </span>
            ) : null}
            {hasClinic ? (
              <span className="inline-flex items-center gap-1.5">
                <span className="inline-block size-2.5" style={{ background: CLINIC }} /> At the clinic, before
                treatment (dashed line)
              </span>
            ) : null}
          </p>
        </>
      ) : (
        <p className="text-sm text-muted">Your line appears here after a second score.</p>
      )}
      <details className="text-sm">
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-accent-700 underline underline-offset-2">
          See every score ({scores.length})
        </summary>
        <ul aria-label={`Your ${inSentence(complaint.title)} scores, newest first`} className="divide-y divide-line">
          {scores.map((s) => (
            <li key={s.key} className="flex justify-between gap-3 py-1.5">
              <span>
                {dayLabel(s.date, today)} <span className="text-muted">· {s.source}</span>
              </span>
              <Score value={s.score} className="font-medium" />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
