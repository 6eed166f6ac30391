import type { InstrumentSeries } from "@/app/_lib/queries/questionnaires";
import { formatDay } from "@/app/_lib/queries/pain";

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** "+2.7 (better)": signed as on the scale, with which way that is in words. */
export function changeText(s: InstrumentSeries): string | null {
  const first = s.responses[0];
  const last = s.responses.at(-1);
  if (!first || !last || s.responses.length < 2) return null;
  const delta = Math.round((last.score - first.score) * 100) / 100;
  if (delta === 0) return "No change";
  const better = s.direction === "higher_is_better" ? delta > 0 : delta < 0;
  return `${delta > 0 ? "+" : "−"}${num(Math.abs(delta))} (${better ? "better" : "worse"})`;
}

/**
 * The MCID in words, with a symbol as well as a colour: reached (and since when), reached once
 * but lost since, not reached yet, or no MCID for this questionnaire. The rule is each
 * instrument's own, from the reference.
 */
export function McidStatus({ series: s, responses }: { series: InstrumentSeries; responses: number }) {
  const rule = s.mcidRule ? ` (${s.mcidRule})` : "";
  const first = s.mcidFirstReachedOn ? formatDay(s.mcidFirstReachedOn) : null;
  let tone: string;
  let text: string;
  if (!s.mcidRule) {
    tone = "border-line bg-stone-50 text-ink";
    text = "No MCID for this questionnaire: compare scores over time.";
  } else if (s.mcidReached) {
    tone = "border-green-200 bg-green-50 text-ok";
    text = `✓ MCID reached${first ? `, first on ${first}` : ""}${rule}.`;
  } else if (first) {
    tone = "border-amber-200 bg-amber-50 text-warn";
    text = `▲ MCID first reached on ${first}, but the latest score no longer meets it${rule}.`;
  } else if (responses < 2 && !s.mcidRule.startsWith("a rating")) {
    tone = "border-line bg-stone-50 text-ink";
    text = `Baseline recorded. The MCID${rule} is judged from the next response.`;
  } else {
    tone = "border-line bg-stone-50 text-ink";
    text = `○ MCID not reached yet${rule}.`;
  }
  return (
    <p className={`rounded-md border px-3 py-2 text-sm font-medium ${tone}`} data-testid="mcid-status">
      {text}
    </p>
  );
}
