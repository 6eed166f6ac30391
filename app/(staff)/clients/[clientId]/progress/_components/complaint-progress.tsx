"use client";
import dynamic from "next/dynamic";
import type { ComplaintProgress } from "@/lib/outcomes/pain/schemas";
import { describeChange } from "@/app/_lib/pain-series";
import { useFormatDay, type FormatDay } from "@/app/_lib/queries/pain";
import { Badge, EmptyState } from "@/app/_components/ui/feedback";

// recharts (~100 KB gzip) loads as its own chunk after the page's first JavaScript; the chart is
// still rendered on the server, so its caption and table are in the HTML from the start (issue 16).
const PainChart = dynamic(() => import("./pain-chart").then((m) => m.PainChart));

function Stat({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <div className="rounded-md border border-line bg-surface px-4 py-3 print:py-2">
      <dt className="text-xs font-medium uppercase tracking-wide text-muted">{label}</dt>
      <dd className="tabular text-2xl font-semibold text-ink">{value}</dd>
      {note ? <dd className="text-sm text-muted">{note}</dd> : null}
    </div>
  );
}

/**
 * Meaningful change in words; the badge repeats it with a symbol so colour is never the only cue,
 * and the numbers behind it (change ≥ threshold; MDC and MCID) sit beside it so it can be checked.
 */
function Mcid({ c }: { c: ComplaintProgress }) {
  const formatDay = useFormatDay();
  if (!c.baseline) return null;
  if (c.mcidReached) {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="success">✓ Reached: {c.mcidExplanation}</Badge>
        <span>
          Meaningful change first reached on <strong>{formatDay(c.mcidFirstReachedOn ?? c.latest!.date)}</strong>:{" "}
          {c.mcidRule}.
        </span>
      </p>
    );
  }
  if (c.mcidRealChangeOnly) {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge>◐ Real change: {c.mcidExplanation}</Badge>
        <span>Real change, smaller than the usual meaningful amount ({c.mcidRule}).</span>
      </p>
    );
  }
  if (c.mcidFirstReachedOn) {
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <Badge tone="warning">! No longer met: {c.mcidExplanation}</Badge>
        <span>
          First reached on <strong>{formatDay(c.mcidFirstReachedOn)}</strong>, but the latest score does not meet{" "}
          {c.mcidRule}.
        </span>
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm">
      <Badge>Not reached yet{c.mcidExplanation ? `: ${c.mcidExplanation}` : ""}</Badge>
      <span className="text-muted">Meaningful change is {c.mcidRule}.</span>
    </p>
  );
}

/** Clinician wording of the change, also the chart's text alternative. */
export function changeSentence(c: ComplaintProgress, formatDay: FormatDay): string {
  if (!c.baseline || !c.latest) return "No pain scores recorded yet.";
  const base = `Baseline ${c.baseline.score} of 10 on ${formatDay(c.baseline.date)}`;
  if (c.latest.date === c.baseline.date) return `${base}; no later score yet.`;
  const mcid = c.mcidReached
    ? ` Meaningful change reached on ${formatDay(c.mcidFirstReachedOn ?? c.latest.date)} (${c.mcidExplanation}).`
    : ` Meaningful change not reached (${c.mcidExplanation}).`;
  return `${base}, latest ${c.latest.score} on ${formatDay(c.latest.date)}: ${describeChange(c.improvement, c.percentImprovement)}.${mcid}`;
}

export function ComplaintProgressCard({ c }: { c: ComplaintProgress }) {
  const formatDay = useFormatDay();
  const scored = c.visits.some((v) => v.before !== null || v.after !== null) || c.diary.length > 0;
  const sameDay = c.baseline && c.latest && c.latest.date === c.baseline.date;
  return (
    <section
      aria-labelledby={`complaint-${c.id}`}
      className="report-section space-y-4 rounded-lg border border-line bg-white p-5 shadow-sm print:border-0 print:p-0 print:shadow-none"
    >
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <h2 id={`complaint-${c.id}`} className="text-lg font-semibold text-ink">
          {c.title}
        </h2>
        {c.status === "resolved" ? <Badge>Resolved{c.resolvedOn ? ` ${formatDay(c.resolvedOn)}` : ""}</Badge> : null}
        {c.onsetDate ? <span className="text-sm text-muted">Onset {formatDay(c.onsetDate)}</span> : null}
      </div>
      {!scored ? (
        <EmptyState title="No scores yet">
          Record pain before and after treatment at the next visit, or ask the client to keep the pain diary in the
          portal.
        </EmptyState>
      ) : (
        <>
          {c.baseline && c.latest ? (
            <dl className="grid gap-3 sm:grid-cols-3">
              <Stat label="Baseline" value={`${c.baseline.score}/10`} note={formatDay(c.baseline.date)} />
              <Stat label="Latest" value={`${c.latest.score}/10`} note={formatDay(c.latest.date)} />
              <Stat
                label="Change"
                value={sameDay ? "—" : signed(c.improvement)}
                note={sameDay ? "Needs a later score" : describeChange(c.improvement, c.percentImprovement)}
              />
            </dl>
          ) : null}
          <Mcid c={c} />
          <PainChart complaint={c} summary={changeSentence(c, formatDay)} />
        </>
      )}
    </section>
  );
}

/** Change shown as a fall in pain: "−4" when 4 points better, "+1" when worse. */
function signed(improvement: number | null) {
  if (improvement === null || improvement === 0) return "0";
  return improvement > 0 ? `−${improvement}` : `+${-improvement}`;
}
