"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import dynamic from "next/dynamic";
import type { ComplaintProgress } from "@/lib/outcomes/pain/schemas";
import { dayLabel, inSentence } from "./days";
import { Score } from "./score";

import { CLINIC, DIARY, type Row } from "./progress-chart-rows";

// The picture (recharts, ~100 KB gzip) loads after the page: the sentence, the legend and the
// list of scores are all here in the first chunk, and the box keeps its size meanwhile, so the
// portal's largest element never waits for the chart library (issue 16).
const ProgressChartPicture = dynamic(() => import("./progress-chart-picture").then((m) => m.ProgressChartPicture), {
  ssr: false,
  loading: () => null,
});

/** Diary scores and before-treatment visit scores (after-treatment ones are not the usual pain), by day. */
function toRows(c: ComplaintProgress): Row[] {
  const byDate = new Map<string, Row>();
  const row = (date: string) =>
    byDate.get(date) ?? byDate.set(date, { date, t: Date.parse(`${date}T00:00:00Z`) }).get(date)!;
  for (const v of c.visits) if (v.before !== null) row(v.date).clinic = v.before;
  for (const d of c.diary) row(d.date).diary = d.score;
  return [...byDate.values()].sort((a, b) => a.t - b.t);
}

/**
 * A small line of one complaint's scores over time, 0 at the bottom. The picture is hidden
 * from screen readers; the same scores are in the list under it, for everyone.
 */
export function ProgressChart({ complaint, today }: { complaint: ComplaintProgress; today: string }) {
  const f = useClinicFormat();
  const rows = toRows(complaint);
  if (rows.length === 0) return null;
  const hasDiary = rows.some((r) => r.diary !== undefined);
  const hasClinic = rows.some((r) => r.clinic !== undefined);
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
            <ProgressChartPicture rows={rows} hasDiary={hasDiary} hasClinic={hasClinic} />
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
                {dayLabel(s.date, today, f)} <span className="text-muted">· {s.source}</span>
              </span>
              <Score value={s.score} className="font-medium" />
            </li>
          ))}
        </ul>
      </details>
    </div>
  );
}
