"use client";
import { Field } from "@/app/_components/ui/field";
import { MemorableDateField } from "@/app/_components/ui/memorable-date-field";
import type { Question } from "@/lib/forms/definition";
import type { Answer } from "@/lib/forms/rules/answers";
import { BodyMapPicker } from "../check-in/body-map-picker";

const inputClass =
  "block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-base text-ink focus:border-accent-600 aria-[invalid=true]:border-danger";

/** One question, by its kind; every control is labelled and carries its error for screen readers. */
export function QuestionInput({
  q,
  value,
  error,
  onChange,
}: {
  q: Question;
  value: Answer | undefined;
  error?: string;
  onChange: (v: Answer | undefined) => void;
}) {
  const id = `q-${q.id}`;
  const label = `${q.label}${q.required ? "" : " (optional)"}`;
  const described = [q.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const foot = (
    <>
      {q.help ? (
        <p id={`${id}-help`} className="mt-1 text-sm text-muted">
          {q.help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </>
  );
  switch (q.kind) {
    case "date":
      return (
        <MemorableDateField
          id={id}
          label={label}
          birthday={/birth/i.test(q.label)}
          value={typeof value === "string" ? value : ""}
          onChange={(v) => onChange(v === "" ? undefined : v)}
          hint={q.help}
          error={error}
        />
      );
    case "short_text":
    case "number":
      return (
        <Field
          id={id}
          label={label}
          type={q.kind === "short_text" ? "text" : q.kind}
          inputMode={q.kind === "number" ? "decimal" : undefined}
          min={q.min}
          max={q.max}
          value={value === undefined ? "" : String(value)}
          onChange={(e) =>
            onChange(e.target.value === "" ? undefined : q.kind === "number" ? Number(e.target.value) : e.target.value)
          }
          hint={q.help}
          error={error}
        />
      );
    case "long_text":
      return (
        <div>
          <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink">
            {label}
          </label>
          <textarea
            id={id}
            rows={4}
            className={inputClass}
            aria-invalid={error ? true : undefined}
            aria-describedby={described}
            value={typeof value === "string" ? value : ""}
            onChange={(e) => onChange(e.target.value || undefined)}
          />
          {foot}
        </div>
      );
    case "yes_no":
    case "single_choice": {
      const options =
        q.kind === "yes_no"
          ? [
              { value: "yes", label: "Yes", v: true as Answer },
              { value: "no", label: "No", v: false as Answer },
            ]
          : q.options!.map((o) => ({ value: o.value, label: o.label, v: o.value as Answer }));
      return (
        <fieldset aria-describedby={described}>
          <legend className="mb-1 text-sm font-medium text-ink">{label}</legend>
          <div className="flex flex-wrap gap-2">
            {options.map((o) => (
              <label key={o.value} className="flex min-h-11 items-center gap-2 rounded-md border border-stone-300 px-3">
                <input
                  type="radio"
                  name={id}
                  className="size-5"
                  checked={value === o.v}
                  onChange={() => onChange(o.v)}
                />
                {o.label}
              </label>
            ))}
          </div>
          {foot}
        </fieldset>
      );
    }
    case "multi_choice": {
      const chosen = Array.isArray(value) ? value : [];
      return (
        <fieldset aria-describedby={described}>
          <legend className="mb-1 text-sm font-medium text-ink">{label}</legend>
          <div className="space-y-1">
            {q.options!.map((o) => (
              <label key={o.value} className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  className="size-5"
                  checked={chosen.includes(o.value)}
                  onChange={(e) =>
                    onChange(e.target.checked ? [...chosen, o.value] : chosen.filter((v) => v !== o.value))
                  }
                />
                {o.label}
              </label>
            ))}
          </div>
          {foot}
        </fieldset>
      );
    }
    case "body_map": {
      const regions = value && typeof value === "object" && "regions" in value ? value.regions : [];
      return (
        <fieldset aria-describedby={described}>
          <legend className="mb-1 text-sm font-medium text-ink">{label}</legend>
          <BodyMapPicker
            chosen={regions.map((regionId) => ({ regionId, score: 5 }))}
            onPick={(r) =>
              onChange({ regions: regions.includes(r.id) ? regions.filter((x) => x !== r.id) : [...regions, r.id] })
            }
          />
          <p className="mt-1 text-sm text-muted">{regions.length} area(s) marked. Tap an area again to unmark it.</p>
          {foot}
        </fieldset>
      );
    }
    case "signature":
      return null;
  }
}
