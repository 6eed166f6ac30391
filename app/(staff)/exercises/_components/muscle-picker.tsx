"use client";
import { useId, useState } from "react";
import { regionLabel } from "./exercise-text";

export interface MuscleOption {
  id: string;
  name: string;
  region: string;
  source: "library" | "clinic";
}

/** Target muscles as checkboxes grouped by body region, with a filter box for the long list. */
export function MusclePicker({
  muscles,
  value,
  onChange,
  error,
}: {
  muscles: MuscleOption[];
  value: string[];
  onChange: (ids: string[]) => void;
  error?: string;
}) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const term = filter.trim().toLowerCase();
  const shown = muscles.filter(
    (m) =>
      !term ||
      m.name.toLowerCase().includes(term) ||
      regionLabel(m.region).toLowerCase().includes(term) ||
      value.includes(m.id),
  );
  const regions = [...new Set(shown.map((m) => m.region))].sort();
  const chosen = muscles.filter((m) => value.includes(m.id)).map((m) => m.name);
  const toggle = (mid: string, on: boolean) => onChange(on ? [...value, mid] : value.filter((v) => v !== mid));
  return (
    <fieldset aria-describedby={`${id}-chosen${error ? ` ${id}-error` : ""}`}>
      <legend className="mb-1 text-sm font-medium text-ink">Target muscles</legend>
      <label htmlFor={`${id}-filter`} className="sr-only">
        Find a muscle
      </label>
      <input
        id={`${id}-filter`}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Find a muscle or region"
        className="mb-2 block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base"
      />
      <div className="max-h-56 overflow-y-auto rounded-md border border-line p-2">
        {regions.length === 0 ? <p className="p-2 text-sm text-muted">No muscle matches.</p> : null}
        {regions.map((r) => (
          <div key={r} role="group" aria-label={regionLabel(r)} className="mb-2">
            <p className="px-1 text-xs font-semibold uppercase tracking-wide text-muted">{regionLabel(r)}</p>
            {shown
              .filter((m) => m.region === r)
              .map((m) => (
                <label
                  key={m.id}
                  className="flex min-h-10 cursor-pointer items-center gap-2 rounded px-1 text-sm hover:bg-stone-50"
                >
                  <input
                    type="checkbox"
                    className="size-4"
                    checked={value.includes(m.id)}
                    onChange={(e) => toggle(m.id, e.target.checked)}
                  />
                  {m.name}
                  {m.source === "clinic" ? <span className="text-xs text-muted">(clinic)</span> : null}
                </label>
              ))}
          </div>
        ))}
      </div>
      <p id={`${id}-chosen`} className="mt-1 text-sm text-muted">
        {chosen.length ? `Chosen: ${chosen.join(", ")}` : "None chosen yet."}
      </p>
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
