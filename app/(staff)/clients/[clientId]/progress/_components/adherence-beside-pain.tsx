import type { ProgressDto } from "@/lib/outcomes/pain/schemas";
import type { AdherenceReportDto } from "@/lib/programmes/schemas";
import { AdherenceWeeks } from "../../programmes/_components/adherence-weeks";

/** Mean pain per open complaint in each week (the server's weekly means of visit pre-treatment and diary scores). */
export function weeklyPain(progress: ProgressDto, weekStarts: string[]) {
  return weekStarts.map((start) =>
    progress.complaints
      .filter((c) => c.status === "open")
      .flatMap((c) => {
        const week = c.weeks.find((w) => w.weekStart === start);
        return week ? [{ label: c.title, mean: week.mean, n: week.n }] : [];
      }),
  );
}

/** Any pain score in the whole history (the baseline is over all of it, not only the window). */
export const hasPainScores = (p: ProgressDto) => p.complaints.some((c) => c.baseline !== null);

/** Home-programme adherence week by week with the pain recorded that week beside it. */
export function AdherenceBesidePain({ report, progress }: { report: AdherenceReportDto; progress: ProgressDto }) {
  const weeks = report.overall.weeks;
  if (weeks.length === 0) return null;
  const pain = weeklyPain(
    progress,
    weeks.map((w) => w.weekStart),
  );
  return (
    <section
      aria-labelledby="adherence-heading"
      className="report-section space-y-3 rounded-lg border border-line bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none"
    >
      <h2 id="adherence-heading" className="text-lg font-semibold text-ink">
        Home programme and pain
      </h2>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <AdherenceWeeks
          weeks={weeks}
          thresholdPct={report.thresholdPct}
          today={report.today}
          caption="Home programme sessions done per week"
        />
        <table className="report-table w-full text-sm">
          <caption className="sr-only">Mean pain per week (NPRS)</caption>
          <thead className="text-left text-xs text-muted">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Pain that week (mean NPRS)
              </th>
            </tr>
          </thead>
          <tbody>
            {pain.map((complaints, i) => (
              <tr key={weeks[i]!.weekStart} className="border-t border-line">
                <td className="tabular py-1.5">
                  {complaints.length === 0 ? (
                    <span className="text-muted">no scores</span>
                  ) : (
                    complaints.map((c) => `${c.label} ${c.mean.toFixed(1)}`).join(" · ")
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-muted">
        Adherence is completed over prescribed sessions (Monday to Sunday, {report.timeZone}); the line marks the
        clinic&rsquo;s {report.thresholdPct}% threshold.
      </p>
    </section>
  );
}
