import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";
import type { FormDefinition, Question } from "../definition";
import { allQuestions } from "../questions";

/** An answer as stored: the kind of question decides which shape is allowed. */
export type Answer = string | boolean | number | string[] | { regions: string[] };
export type Answers = Record<string, Answer>;

const REGION_IDS = new Set(TEMPLATE_REGIONS.map(([id]) => id));
const DATE = /^(19\d\d|2[01]\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const MAX_TEXT = { short_text: 500, long_text: 5000 } as const;

/** Whether a question is shown, given the answers so far (hidden questions are never required or kept). */
export function isVisible(q: Question, answers: Answers): boolean {
  if (!q.showIf) return true;
  return answers[q.showIf.question] === q.showIf.equals;
}

function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === "string" && v.trim() === "") ||
    (Array.isArray(v) && v.length === 0) ||
    (typeof v === "object" && v !== null && "regions" in v && (v as { regions: unknown[] }).regions.length === 0)
  );
}

/** The error for one answer, or null when it fits the question. */
function check(q: Question, v: unknown): string | null {
  switch (q.kind) {
    case "short_text":
    case "long_text":
      if (typeof v !== "string") return "Write an answer.";
      return v.length > MAX_TEXT[q.kind] ? `Keep this under ${MAX_TEXT[q.kind]} characters.` : null;
    case "yes_no":
      return typeof v === "boolean" ? null : "Choose yes or no.";
    case "single_choice":
      return typeof v === "string" && q.options!.some((o) => o.value === v) ? null : "Choose one of the options.";
    case "multi_choice":
      return Array.isArray(v) && v.every((x) => typeof x === "string" && q.options!.some((o) => o.value === x))
        ? null
        : "Choose from the options.";
    case "date":
      return typeof v === "string" && DATE.test(v) && !Number.isNaN(Date.parse(v))
        ? null
        : "Use the format YYYY-MM-DD.";
    case "number":
      if (typeof v !== "number" || !Number.isFinite(v)) return "Enter a number.";
      if (q.min !== undefined && v < q.min) return `Enter at least ${q.min}.`;
      if (q.max !== undefined && v > q.max) return `Enter at most ${q.max}.`;
      return null;
    case "body_map": {
      const regions = (v as { regions?: unknown })?.regions;
      return Array.isArray(regions) && regions.every((r) => typeof r === "string" && REGION_IDS.has(r))
        ? null
        : "Mark areas on the body map.";
    }
    case "signature":
      // The signature itself is the submission's, not an answer (see signatureSchema).
      return null;
  }
}

/**
 * Checks answers against the version the client saw: unknown ids refused, required visible
 * questions answered, each answer of its question's shape. Answers to hidden questions are
 * dropped, so a changed "yes" never leaves its follow-up's old answer behind.
 */
export function validateAnswers(
  def: FormDefinition,
  input: Record<string, unknown>,
): { answers: Answers; errors: Record<string, string> } {
  const questions = allQuestions(def);
  const known = new Set(questions.map((q) => q.id));
  const errors: Record<string, string> = {};
  for (const key of Object.keys(input)) if (!known.has(key)) errors[key] = "This question is not on the form.";
  const answers: Answers = {};
  for (const q of questions) {
    if (q.kind === "signature" || !isVisible(q, answers)) continue;
    const v = input[q.id];
    if (isEmpty(v)) {
      if (q.required) errors[q.id] = "Please answer this question.";
      continue;
    }
    const error = check(q, v);
    if (error) errors[q.id] = error;
    else answers[q.id] = (typeof v === "string" ? v.trim() : v) as Answer;
  }
  return { answers, errors };
}

/**
 * The exact content a signature covers, as one canonical string: the form version's
 * definition, the answers and who signed how. Keys are sorted at every level so the same
 * content always hashes the same (the SHA-256 is stored beside the submission).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value);
}
