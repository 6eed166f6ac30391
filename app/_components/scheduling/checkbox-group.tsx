"use client";
import type { ReactNode } from "react";

/** A labelled group of checkboxes (a multi-select that works with keyboard and screen readers). */
export function CheckboxGroup<V extends string | number>({
  legend,
  options,
  values,
  onChange,
  hint,
  error,
  inline = true,
}: {
  legend: string;
  options: readonly { value: V; label: ReactNode }[];
  values: readonly V[];
  onChange: (values: V[]) => void;
  hint?: ReactNode;
  error?: string;
  inline?: boolean;
}) {
  const toggle = (v: V, on: boolean) => onChange(on ? [...values, v] : values.filter((x) => x !== v));
  return (
    <fieldset>
      <legend className="mb-1 text-sm font-medium text-ink">{legend}</legend>
      {hint ? <p className="mb-1 text-sm text-muted">{hint}</p> : null}
      <div className={inline ? "flex flex-wrap gap-x-4" : "grid"}>
        {options.map((o) => (
          <label key={String(o.value)} className="flex min-h-11 cursor-pointer items-center gap-2 text-sm">
            <input
              type="checkbox"
              className="size-5 accent-accent-700"
              checked={values.includes(o.value)}
              onChange={(e) => toggle(o.value, e.target.checked)}
            />
            {o.label}
          </label>
        ))}
      </div>
      {error ? <p className="mt-1 text-sm text-danger">{error}</p> : null}
    </fieldset>
  );
}
