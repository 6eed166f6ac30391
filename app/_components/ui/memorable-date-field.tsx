"use client";
/**
 * A date someone knows by heart (a date of birth, the day of an operation) as day, month and year
 * boxes in the clinic's order: en-GB "Day Month Year", en-US "Month Day Year". The portal and the
 * public booking page use it instead of the staff DateField: those pages are for clients on
 * phones, and react-aria's field and calendar would add some 45–70 KB (gzip) of script to pages
 * that ask for one date of birth. Three labelled number boxes are the pattern public services
 * recommend for such dates (no calendar to scroll back forty years), phones show the number pad
 * and offer autofill of the birthday, and the whole field is a few hundred bytes.
 *
 * Same contract as DateField: the value is "YYYY-MM-DD", or "" while empty or incomplete.
 */
import { useId, useState, type ReactNode } from "react";
import { dateFieldOrder } from "@/lib/format/clinic-format";
import { joinDateParts, type Part, type Parts } from "@/lib/format/date-parts";
import { useClinicFormat } from "../clinic-format";

const LABEL: Record<Part, string> = { day: "Day", month: "Month", year: "Year" };
const WIDTH: Record<Part, string> = { day: "w-16", month: "w-16", year: "w-24" };
const AUTOCOMPLETE: Record<Part, string> = { day: "bday-day", month: "bday-month", year: "bday-year" };

const split = (v: string): Parts => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  return m ? { year: m[1]!, month: String(Number(m[2])), day: String(Number(m[3])) } : { day: "", month: "", year: "" };
};

export function MemorableDateField({
  label,
  value,
  onChange,
  onBlur,
  name,
  min,
  max,
  error,
  hint,
  birthday,
  className = "",
  id: givenId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  min?: string;
  max?: string;
  error?: string;
  hint?: ReactNode;
  /** Offer the phone's saved birthday (autocomplete bday-*). */
  birthday?: boolean;
  className?: string;
  id?: string;
}) {
  const f = useClinicFormat();
  const generated = useId();
  const id = givenId ?? generated;
  const [parts, setParts] = useState<Parts>(() => split(value));
  const [emitted, setEmitted] = useState(value);
  const [touched, setTouched] = useState(false);
  // A value set from outside (a reset, a loaded draft) replaces what the boxes hold.
  if (value !== emitted) {
    setEmitted(value);
    setParts(split(value));
  }
  const joined = joinDateParts(parts);
  let own: string | undefined;
  if (touched && joined === null) own = `Enter a real date, for example ${example(f.locale)}.`;
  else if (joined && min && joined < min) own = `Enter a date on or after ${f.day(min, "date")}.`;
  else if (joined && max && joined > max) own = `Enter a date on or before ${f.day(max, "date")}.`;
  const shown = error ?? own;
  const describedBy = [hint ? `${id}-hint` : null, shown ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;

  const change = (part: Part, text: string) => {
    const next = { ...parts, [part]: text.replace(/\D/g, "") };
    setParts(next);
    const wire = joinDateParts(next) ?? "";
    if (wire !== emitted) {
      setEmitted(wire);
      onChange(wire);
    }
  };

  return (
    <fieldset
      className={className}
      aria-describedby={describedBy}
      id={id}
      // Judged when focus leaves the three boxes, not between them.
      onBlur={(e) => {
        if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
        setTouched(true);
        onBlur?.();
      }}
    >
      <legend className="mb-1 text-sm font-medium text-ink">{label}</legend>
      <div className="flex gap-3">
        {dateFieldOrder(f.locale).map((part) => (
          <div key={part}>
            <label htmlFor={`${id}-${part}`} className="mb-1 block text-sm text-muted">
              {LABEL[part]}
            </label>
            <input
              id={`${id}-${part}`}
              className={`block min-h-11 ${WIDTH[part]} rounded-md border border-stone-300 bg-white px-3 text-base text-ink tabular-nums focus:border-accent-600 aria-[invalid=true]:border-danger`}
              inputMode="numeric"
              pattern="[0-9]*"
              maxLength={part === "year" ? 4 : 2}
              autoComplete={birthday ? AUTOCOMPLETE[part] : "off"}
              aria-invalid={shown ? true : undefined}
              value={parts[part]}
              onChange={(e) => change(part, e.target.value)}
            />
          </div>
        ))}
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-muted">
          {hint}
        </p>
      ) : null}
      {shown ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {shown}
        </p>
      ) : null}
      {name ? <input type="hidden" name={name} value={joined ?? ""} /> : null}
    </fieldset>
  );
}

/** "day 27, month 3, year 1988" in the boxes' order. */
function example(locale: Parameters<typeof dateFieldOrder>[0]): string {
  const sample: Parts = { day: "27", month: "3", year: "1988" };
  return dateFieldOrder(locale)
    .map((p) => `${LABEL[p].toLowerCase()} ${sample[p]}`)
    .join(", ");
}
