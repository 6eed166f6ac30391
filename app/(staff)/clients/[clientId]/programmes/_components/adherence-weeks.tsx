"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import type { AdherenceWeek } from "@/lib/programmes/schemas";

export const percent = (ratio: number | null) => (ratio === null ? "—" : `${Math.round(ratio * 100)}%`);

/**
 * Adherence week by week as a table with a bar per week: completed over prescribed sessions.
 * Low weeks are amber and say so in words (colour is never the only signal).
 */
export function AdherenceWeeks({
  weeks,
  thresholdPct,
  caption,
  today,
}: {
  weeks: AdherenceWeek[];
  thresholdPct: number;
  caption: string;
  today?: string;
}) {
  const f = useClinicFormat();
  if (weeks.length === 0) return <p className="text-sm text-muted">Nothing prescribed in this period.</p>;
  return (
    <table className="report-table w-full text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead className="text-left text-xs text-muted">
        <tr>
          <th scope="col" className="py-1 pr-3 font-medium">
            Week
          </th>
          <th scope="col" className="py-1 pr-3 font-medium">
            Sessions done
          </th>
          <th scope="col" className="w-1/2 py-1 font-medium">
            <span className="sr-only">Bar</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {weeks.map((w) => {
          const pct = w.ratio === null ? 0 : Math.min(100, Math.round(w.ratio * 100));
          const current = today !== undefined && w.firstDay <= today && today <= w.lastDay;
          // The week in progress is not "low" yet: today's sessions may still be done.
          const low = w.low && !current;
          return (
            <tr key={w.weekStart} className="border-t border-line">
              <th scope="row" className="py-1.5 pr-3 text-left font-normal whitespace-nowrap">
                {f.day(w.weekStart, "dayMonth")}
                {current ? <span className="text-muted"> (this week)</span> : null}
              </th>
              <td className="tabular py-1.5 pr-3 whitespace-nowrap">
                {w.prescribed === 0 ? "nothing due" : `${w.completed} of ${w.prescribed} · ${percent(w.ratio)}`}
                {low ? (
                  <span className="ml-2 rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-warn">Low</span>
                ) : null}
              </td>
              <td className="py-1.5" aria-hidden>
                <div className="relative h-2.5 rounded-full bg-stone-100">
                  <div
                    className={`h-2.5 rounded-full ${low ? "bg-amber-500" : "bg-accent-600"}`}
                    style={{ width: `${pct}%` }}
                  />
                  <div
                    className="absolute top-[-3px] h-4 w-px bg-stone-500"
                    style={{ left: `${thresholdPct}%` }}
                    title={`Threshold ${thresholdPct}%`}
                  />
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
