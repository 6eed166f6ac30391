import type { InstrumentDto, ItemAnswer, Submitted } from "@/app/_lib/queries/questionnaires";
import { formatValue, valueMeaning } from "./answer-choices";

const num = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The result in plain words for the person who answered: what the number is, which way is
 * better, and any band the instrument names. No MCID or other clinician terms here.
 */
export function scoreInWords(instrument: InstrumentDto, result: Submitted): string[] {
  const lines: string[] = [];
  if (result.score === null) {
    // Too many sections were left out to work out a fair score; the answers are kept.
    return [
      "Your answers have been saved, but no score could be worked out because too many questions were skipped.",
      result.unscoredReason ?? "",
      "Your therapist will go through it with you.",
    ].filter(Boolean);
  }
  const only = instrument.items.length === 1 ? instrument.items[0] : undefined;
  if (only) {
    // One-question instruments (GROC, PGIC): the answer itself is the result.
    const answer = only.answer as ItemAnswer;
    const meaning = valueMeaning(result.score, answer);
    lines.push(
      meaning
        ? `You answered ${formatValue(result.score, answer)}: “${meaning}”.`
        : `You answered ${formatValue(result.score, answer)}.`,
    );
  } else {
    const { min, max } = result.scoreRange;
    const scale = min === 0 ? `out of ${num(max)}` : `on a scale from ${num(min)} to ${num(max)}`;
    const average = instrument.id === "psfs" ? "Your average score" : "Your score";
    lines.push(`${average} is ${num(result.score)} ${scale}.`);
    lines.push(
      instrument.direction === "higher_is_better" ? "Higher scores are better." : "Lower scores mean fewer problems.",
    );
    if (result.interpretation) lines.push(`That is in the range called “${result.interpretation}”.`);
  }
  if (result.proRated) lines.push("Some questions were skipped, so the score was worked out from the ones answered.");
  return lines;
}
