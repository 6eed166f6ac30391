"use client";
import { useId, type ReactNode } from "react";
import { TextAreaField } from "@/app/_components/ui/field";

// Small fields of the programme builder: the weekday picker and a notes box.

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"] as const;

export function Days({
  value,
  error,
  onChange,
}: {
  value: number[];
  error?: string;
  onChange: (days: number[]) => void;
}) {
  const id = useId();
  return (
    <fieldset className="mt-3" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-ink">Days of the week</legend>
      <div className="flex flex-wrap gap-1">
        {DAYS.map((label, i) => (
          <label
            key={label}
            className="flex min-h-11 min-w-11 cursor-pointer items-center justify-center gap-1 rounded-md border border-stone-300 px-2 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-accent-50"
          >
            <input
              type="checkbox"
              className="size-4 accent-accent-700"
              checked={value.includes(i + 1)}
              aria-label={DAY_NAMES[i]}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, i + 1].sort((a, b) => a - b) : value.filter((x) => x !== i + 1))
              }
            />
            <span aria-hidden>{label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A notes box of the builder: the UI kit's text area with a plain string value. */
export function Area({
  label,
  value,
  onChange,
  error,
  hint,
  required,
}: {
  label: ReactNode;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
}) {
  return (
    <TextAreaField
      className="mt-3"
      rows={3}
      {...{ label, value, error, hint, required }}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
