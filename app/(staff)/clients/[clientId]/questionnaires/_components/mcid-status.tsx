"use client";

import type { InstrumentSeries } from "@/app/_lib/queries/questionnaires";
import { useFormatDay } from "@/app/_lib/queries/pain";

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** "+2.7 (better)": signed as on the scale, with which way that is in words. */
export function changeText(s: InstrumentSeries): string | null {
  const scored = s.responses.flatMap((r) => (r.score === null ? [] : [r.score]));
  const first = scored[0];
  const last = scored.at(-1);
  if (first === undefined || last === undefined || scored.length < 2) return null;
  const delta = Math.round((last - first) * 100) / 100;
  if (delta === 0) return "No change";
  const better = s.direction === "higher_is_better" ? delta > 0 : delta < 0;
  return `${delta > 0 ? "+" : "−"}${num(Math.abs(delta))} (${better ? "better" : "worse"})`;
}

/**
 * Meaningful change in words, with a symbol as well as a colour: reached (and since when), real
 * change short of the MCID, reached once but lost since, not reached yet, or no MCID for this
 * questionnaire. Beside each state the numbers behind it (change ≥ threshold, and how the
 * threshold was reached: MDC, MCID, % of baseline), so a clinician can check it.
 */
export function McidStatus({ series: s }: { series: InstrumentSeries }) {
  const formatDay = useFormatDay();
  const rule = s.mcidRule ? ` (${s.mcidRule})` : "";
  const first = s.mcidFirstReachedOn ? formatDay(s.mcidFirstReachedOn) : null;
  let tone: string;
  let text: string;
  if (!s.mcidRule) {
    tone = "border-line bg-stone-50 text-ink";
    text = "No MCID for this questionnaire: compare scores over time.";
  } else if (s.mcidReached) {
    tone = "border-green-200 bg-green-50 text-ok";
    text = `✓ Reached: ${s.mcidExplanation}${first ? `; first on ${first}` : ""}.`;
  } else if (s.mcidRealChangeOnly) {
    tone = "border-line bg-stone-50 text-ink";
    text = `◐ Real change, smaller than the usual meaningful amount: ${s.mcidExplanation}.`;
  } else if (first) {
    tone = "border-amber-200 bg-amber-50 text-warn";
    text = `▲ Meaningful change first reached on ${first}, but the latest no longer meets it: ${s.mcidExplanation}.`;
  } else if (!s.mcidExplanation) {
    tone = "border-line bg-stone-50 text-ink";
    text = `Baseline recorded. Meaningful change${rule} is judged from the next response.`;
  } else {
    tone = "border-line bg-stone-50 text-ink";
    text = `○ Not reached yet: ${s.mcidExplanation}${rule}.`;
  }
  return (
    <p className={`rounded-md border px-3 py-2 text-sm font-medium ${tone}`} data-testid="mcid-status">
      {text}
    </p>
  );
}
