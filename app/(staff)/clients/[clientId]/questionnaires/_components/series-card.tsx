"use client";
import dynamic from "next/dynamic";
import { useId } from "react";
import { TableDisclosure } from "@/app/_components/ui/table-disclosure";
import type { InstrumentDto, InstrumentSeries } from "@/app/_lib/queries/questionnaires";
import { useFormatDay } from "@/app/_lib/queries/pain";
import { localDateOf } from "@/lib/format/zoned";
import { Card } from "@/app/_components/ui/layout";
import { McidStatus, changeText } from "./mcid-status";

// recharts (~100 KB gzip) loads as its own chunk after the page's first JavaScript; the chart is
// still rendered on the server, so its caption and table are in the HTML from the start (issue 16).
const ScoreChart = dynamic(() => import("./score-chart").then((m) => m.ScoreChart));

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
/** Signed where the scale runs through zero (GROC: "+3", "−2"), so the direction reads without colour. */
const signed = (n: number, min: number) => (min < 0 && n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : num(n));

/** One questionnaire's scores: the MCID in words, a line chart, and the same data as a table. */
export function SeriesCard({
  series: s,
  instrument,
  timeZone,
}: {
  series: InstrumentSeries;
  instrument?: InstrumentDto;
  timeZone: string;
}) {
  const id = useId();
  const formatDay = useFormatDay();
  const all = s.responses.map((r) => ({ ...r, day: localDateOf(new Date(r.completedAt), timeZone) }));
  // Responses with too many skipped sections have no score: listed in the table with the reason, not plotted.
  const rows = all.flatMap((r) => (r.score === null ? [] : [{ ...r, score: r.score }]));
  const unscored = all.at(-1)?.score === null ? all.at(-1) : undefined;
  const latest = rows.at(-1);
  const outOf =
    s.range.min < 0
      ? `on ${signed(s.range.min, s.range.min)} to ${signed(s.range.max, s.range.min)}`
      : `/ ${num(s.range.max)}`;
  // A one-question rating (GROC, PGIC) rates change itself: there is no baseline to compare with.
  const rating = instrument?.items.length === 1;
  const change = rating ? null : changeText(s);
  const summary = latest
    ? `${s.name}: ${rows.length} scored response${rows.length === 1 ? "" : "s"}; latest ${signed(latest.score, s.range.min)} ${outOf} on ${formatDay(latest.day)}.${change ? ` ${change}.` : ""}`
    : `${s.name}: no scored response yet.`;
  // GROC/PGIC answers read with their label ("2 Much improved"), so the direction is never guessed.
  const answerText = (itemId: string, value: number) => {
    const answer = instrument?.items.find((i) => i.id === itemId)?.answer as
      { kind: string; options?: { value: number; label: string | null }[] } | undefined;
    const label = answer?.options?.find((o) => o.value === value)?.label;
    return label ? `${signed(value, s.range.min)} ${label}` : String(value);
  };
  const itemTitle = (itemId: string, labels: Record<string, string>) =>
    labels[itemId] ?? instrument?.items.find((i) => i.id === itemId)?.title ?? itemId;

  return (
    <Card title={s.name}>
      <div className="space-y-4">
        {unscored ? (
          <p
            className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-warn"
            data-testid="unscored"
          >
            ▲ No score for the response of {formatDay(unscored.day)}: {unscored.unscoredReason}
          </p>
        ) : null}
        {latest ? (
          <dl className="grid gap-3 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-muted">Latest</dt>
              <dd className="tabular text-lg font-semibold text-ink">
                {signed(latest.score, s.range.min)}{" "}
                <span className="text-sm font-normal text-muted">
                  {outOf}
                  {latest.proRated ? " (pro-rated)" : ""} · {formatDay(latest.day)}
                </span>
              </dd>
            </div>
            {!rating && rows.length > 1 ? (
              <div>
                <dt className="text-muted">Baseline</dt>
                <dd className="tabular text-lg font-semibold text-ink">
                  {num(rows[0]!.score)}{" "}
                  <span className="text-sm font-normal text-muted">{formatDay(rows[0]!.day)}</span>
                </dd>
              </div>
            ) : null}
            {change ? (
              <div>
                <dt className="text-muted">Change from baseline</dt>
                <dd className="tabular text-lg font-semibold text-ink">{change}</dd>
              </div>
            ) : null}
          </dl>
        ) : null}
        {instrument?.versionNote ? <p className="text-sm text-muted">{instrument.versionNote}</p> : null}
        <McidStatus series={s} />
        <p className="text-sm text-muted">
          {s.direction === "higher_is_better" ? "Higher scores are better." : "Lower scores are better."} Scale{" "}
          {signed(s.range.min, s.range.min)} to {signed(s.range.max, s.range.min)}.
        </p>
        <figure aria-labelledby={`${id}-cap`} className="space-y-2">
          <figcaption id={`${id}-cap`} className="sr-only">
            {summary}
          </figcaption>
          <ScoreChart series={s} rows={rows} summary={summary} />
        </figure>
        <TableDisclosure showLabel="Show the scores as a table" hideLabel="Hide the scores table">
          <table className="w-full text-left text-sm tabular">
            <caption className="sr-only">{s.name} scores</caption>
            <thead>
              <tr className="border-b border-line text-muted">
                <th scope="col" className="py-1 pr-4 font-medium">
                  Date
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Score
                </th>
                <th scope="col" className="py-1 pr-4 font-medium">
                  Filled in
                </th>
                <th scope="col" className="py-1 font-medium">
                  Answers
                </th>
              </tr>
            </thead>
            <tbody>
              {all.map((r) => (
                <tr key={r.id} className="border-b border-line align-top last:border-0">
                  <th scope="row" className="py-1 pr-4 font-normal whitespace-nowrap">
                    {formatDay(r.day)}
                  </th>
                  <td className="py-1 pr-4">
                    {r.score === null ? (
                      <span>No score: {r.unscoredReason}</span>
                    ) : (
                      <>
                        {signed(r.score, s.range.min)}
                        {r.proRated ? (
                          <span className="text-muted"> (pro-rated, {r.itemsAnswered} answered)</span>
                        ) : null}
                      </>
                    )}
                  </td>
                  <td className="py-1 pr-4">{r.source === "portal" ? "Portal" : "In clinic"}</td>
                  <td className="py-1">
                    {Object.entries(r.answers)
                      .map(([k, v]) => `${itemTitle(k, r.itemLabels)}: ${v === null ? "skipped" : answerText(k, v)}`)
                      .join("; ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableDisclosure>
      </div>
    </Card>
  );
}
