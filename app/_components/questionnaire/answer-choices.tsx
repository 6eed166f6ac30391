"use client";
import type { ItemAnswer } from "@/app/_lib/queries/questionnaires";

/** "+3" on scales that run through zero (GROC), so better and worse read without colour. */
export function formatValue(value: number, answer: ItemAnswer): string {
  if (runsThroughZero(answer)) return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : "0";
  return String(value);
}

/** GROC runs −7 … +7: its number says which way, so it is shown beside each worded answer too. */
function runsThroughZero(answer: ItemAnswer): boolean {
  return answer.kind === "scale" ? answer.min < 0 : answer.options.some((o) => o.value < 0);
}

/** What a chosen value means in words, where the instrument says (an option label or an anchor). */
export function valueMeaning(value: number, answer: ItemAnswer): string | null {
  if (answer.kind === "options") return answer.options.find((o) => o.value === value)?.label ?? null;
  return answer.anchors.find((a) => a.value === value)?.label ?? null;
}

function scaleValues(a: Extract<ItemAnswer, { kind: "scale" }>): number[] {
  const out: number[] = [];
  // Integer steps from the minimum, so 0.5 steps do not drift with floating point.
  for (let i = 0; a.min + i * a.step <= a.max + 1e-9; i++) out.push(Math.round((a.min + i * a.step) * 100) / 100);
  return out;
}

const tileFocus =
  "has-[input:focus-visible]:outline-3 has-[input:focus-visible]:outline-offset-2 has-[input:focus-visible]:outline-accent-600";

/**
 * One item's answer as large native radio buttons: worded options as full-width rows (NDI,
 * PGIC), numeric scales as tiles. The invisible input covers its whole tile so a thumb can hit
 * it anywhere; the chosen one turns solid and shows a tick, so the choice is not colour alone.
 */
export function AnswerChoices({
  name,
  answer,
  value,
  onChange,
  labelledBy,
  describedBy,
  invalid,
}: {
  name: string;
  answer: ItemAnswer;
  value: number | null;
  onChange: (v: number) => void;
  labelledBy: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const group = {
    role: "radiogroup",
    "aria-labelledby": labelledBy,
    "aria-describedby": describedBy,
    "aria-invalid": invalid || undefined,
  };
  if (answer.kind === "options") {
    return (
      <div {...group} className="space-y-2">
        {answer.options.map((o) => {
          const checked = value === o.value;
          return (
            <label
              key={o.value}
              className={`relative flex min-h-14 items-center gap-3 rounded-lg border-2 px-4 py-3 text-base ${tileFocus} ${
                checked
                  ? "border-accent-700 bg-accent-50 font-medium text-ink"
                  : "border-stone-300 bg-white text-ink hover:border-accent-600"
              }`}
            >
              <input
                type="radio"
                name={name}
                value={o.value}
                checked={checked}
                onChange={() => onChange(o.value)}
                className="absolute inset-0 m-0 cursor-pointer appearance-none rounded-lg opacity-0"
              />
              <span
                aria-hidden="true"
                className={`flex size-6 shrink-0 items-center justify-center rounded-full border-2 ${checked ? "border-accent-700 bg-accent-700 text-white" : "border-stone-400"}`}
              >
                {checked ? "✓" : ""}
              </span>
              {/* Options without wording in the reference keep their number rather than invented words. */}
              {runsThroughZero(answer) && o.label ? (
                <span>
                  <span className="inline-block w-8 tabular font-semibold">{formatValue(o.value, answer)}</span>{" "}
                  {o.label}
                </span>
              ) : (
                <span>{o.label ?? o.value}</span>
              )}
            </label>
          );
        })}
      </div>
    );
  }
  const values = scaleValues(answer);
  // Six a row for 0–10 (two rows), five for the 15-point GROC (three rows): each tile ≥ 44 px on a phone.
  const basis = values.length > 12 ? "basis-[calc((100%_-_1.5rem)/5)]" : "basis-[calc((100%_-_1.875rem)/6)]";
  return (
    <div {...group} className="flex flex-wrap justify-center gap-1.5">
      {values.map((v) => {
        const checked = value === v;
        const meaning = valueMeaning(v, answer);
        return (
          <label
            key={v}
            className={`relative flex min-h-14 ${basis} flex-col items-center justify-center rounded-lg border-2 select-none ${tileFocus} ${
              checked
                ? "border-accent-700 bg-accent-700 text-white"
                : "border-stone-300 bg-white text-ink hover:border-accent-600"
            }`}
          >
            <input
              type="radio"
              name={name}
              value={v}
              checked={checked}
              onChange={() => onChange(v)}
              aria-label={meaning ? `${formatValue(v, answer)}, ${meaning}` : formatValue(v, answer)}
              className="absolute -inset-0.5 m-0 cursor-pointer appearance-none rounded-lg opacity-0"
            />
            <span aria-hidden="true" className="tabular text-xl leading-none font-semibold">
              {formatValue(v, answer)}
            </span>
            {checked ? (
              <span aria-hidden="true" className="mt-1 text-[11px] leading-none">
                ✓
              </span>
            ) : null}
          </label>
        );
      })}
    </div>
  );
}

/** The scale's word anchors as one line ("0 = Unable to perform · 10 = …"), for under the question. */
export function anchorsText(answer: ItemAnswer): string | null {
  if (answer.kind !== "scale" || answer.anchors.length === 0) return null;
  return answer.anchors.map((a) => `${formatValue(a.value, answer)} = ${a.label}`).join(" · ");
}
