"use client";
import type { SeriesAlternative, SeriesOccurrence, SeriesReport } from "@/lib/scheduling/appointments/series-schemas";
import { Badge, Notice } from "@/app/_components/ui/feedback";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { ClinicFormat } from "@/lib/format/clinic-format";

export type Choice = { action: "skip" } | { action: "alternative"; alternative: SeriesAlternative };

/** The series screens' words for a date and time, in the clinic's locale and zone. */
export function formatters(cf: ClinicFormat) {
  return {
    day: (iso: string) => cf.at(iso, "weekdayDate"),
    time: (iso: string) => cf.at(iso, "time"),
    when: (iso: string, end?: string) =>
      `${cf.at(iso, "weekdayDate")}, ${end ? cf.timeRange(iso, end) : cf.at(iso, "time")}`,
  };
}

const altKey = (a: SeriesAlternative) => `${a.start}|${a.therapistId}|${a.roomId ?? ""}`;

/** How many dates still need a decision: conflicts with neither an alternative nor "skip" chosen. */
export function unresolvedCount(report: SeriesReport, choices: Record<number, Choice>): number {
  return report.occurrences.filter((o) => o.status === "conflict" && !choices[o.index]).length;
}

function OccurrenceRow({
  o,
  choice,
  onChoose,
  therapistName,
}: {
  o: SeriesOccurrence;
  choice: Choice | undefined;
  onChoose: (c: Choice | undefined) => void;
  therapistName: string;
}) {
  const f = formatters(useClinicFormat());
  const label = f.day(o.start);
  const skipped = choice?.action === "skip";
  return (
    <li
      className={`grid gap-3 py-3 sm:grid-cols-[minmax(0,16rem)_1fr] ${o.status === "conflict" && !choice ? "bg-red-50/60" : ""}`}
      data-testid={`occurrence-${o.index + 1}`}
    >
      <div className="px-3">
        <p className="font-medium text-ink">
          <span className="tabular mr-2 text-sm text-muted">#{o.index + 1}</span>
          <span className={skipped ? "line-through" : ""}>{f.when(o.start, o.end)}</span>
        </p>
        {o.shifted ? (
          <p className="text-sm text-warn">The clocks go forward that night: the session moves to {f.time(o.start)}.</p>
        ) : null}
      </div>
      <div className="px-3">
        {o.status === "ok" ? (
          <div className="flex flex-wrap items-center gap-3">
            <Badge tone="success">✓ Free</Badge>
            <span className="text-sm text-muted">
              {therapistName}
              {o.roomName ? `, ${o.roomName}` : ""}
            </span>
            <label className="ml-auto flex min-h-11 cursor-pointer items-center gap-2 text-sm">
              <input
                type="checkbox"
                className="size-5 accent-accent-700"
                checked={skipped}
                onChange={(e) => onChoose(e.target.checked ? { action: "skip" } : undefined)}
              />
              Skip {label}
            </label>
          </div>
        ) : (
          <div className="space-y-2">
            <p className="flex flex-wrap items-center gap-2">
              <Badge tone="danger">⚠ Conflict</Badge>
              <span className="text-sm text-ink">{o.conflict?.reason}</span>
            </p>
            <fieldset>
              <legend className="text-sm font-medium text-ink">Instead, on {label}:</legend>
              <div className="mt-1 flex flex-wrap gap-2">
                {o.alternatives.map((a) => {
                  const picked = choice?.action === "alternative" && altKey(choice.alternative) === altKey(a);
                  return (
                    <label
                      key={altKey(a)}
                      className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm ${picked ? "border-accent-600 bg-accent-50 text-accent-800" : "border-line bg-white"}`}
                    >
                      <input
                        type="radio"
                        name={`choice-${o.index}`}
                        className="size-4 accent-accent-700"
                        checked={picked}
                        onChange={() => onChoose({ action: "alternative", alternative: a })}
                      />
                      <span>
                        {a.sameDay ? f.time(a.start) : `${f.day(a.start)} ${f.time(a.start)}`} with {a.therapistName}
                        {a.roomName ? `, ${a.roomName}` : ""}
                      </span>
                    </label>
                  );
                })}
                <label
                  className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-md border px-3 text-sm ${skipped ? "border-accent-600 bg-accent-50 text-accent-800" : "border-line bg-white"}`}
                >
                  <input
                    type="radio"
                    name={`choice-${o.index}`}
                    className="size-4 accent-accent-700"
                    checked={skipped}
                    onChange={() => onChoose({ action: "skip" })}
                  />
                  Skip this date
                </label>
              </div>
              {o.alternatives.length === 0 ? (
                <p className="mt-1 text-sm text-muted">No free time nearby: skip this date, or change the series.</p>
              ) : null}
            </fieldset>
          </div>
        )}
      </div>
    </li>
  );
}

/** Every date of the series with its status, the reason for each conflict and the choices for it. */
export function SeriesReportView({
  report,
  choices,
  onChoose,
}: {
  report: SeriesReport;
  choices: Record<number, Choice>;
  onChoose: (index: number, c: Choice | undefined) => void;
}) {
  return (
    <section aria-labelledby="series-report-title" className="space-y-3" data-testid="series-report">
      <div>
        <h2 id="series-report-title" className="text-lg font-semibold text-ink">
          All {report.occurrences.length} dates
        </h2>
        <p role="status" className="text-sm text-muted">
          {report.typeName} with {report.therapistName}: {report.okCount} free, {report.conflictCount}{" "}
          {report.conflictCount === 1 ? "conflict" : "conflicts"}.
        </p>
      </div>
      {report.truncated ? (
        <Notice tone="warning">
          That end date gives more than {report.occurrences.length} sessions; only the first {report.occurrences.length}{" "}
          are listed. Book the rest as a second series.
        </Notice>
      ) : null}
      <ol className="divide-y divide-line rounded-lg border border-line bg-white" aria-label="Dates in this series">
        {report.occurrences.map((o) => (
          <OccurrenceRow
            key={o.index}
            o={o}
            choice={choices[o.index]}
            onChoose={(c) => onChoose(o.index, c)}
            therapistName={report.therapistName}
          />
        ))}
      </ol>
    </section>
  );
}
