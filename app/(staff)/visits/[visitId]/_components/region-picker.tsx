"use client";
import { useId, useMemo, useState } from "react";
import { TEMPLATE_REGIONS } from "@/lib/clinical/rules/template-regions";

/** Pick body regions by name: chips for the chosen ones, a filter box and a short list of matches. */
export function RegionPicker({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: string[];
  onChange: (v: string[]) => void;
  disabled?: boolean;
}) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const names = useMemo(() => new Map(TEMPLATE_REGIONS.map(([rid, view, , , name]) => [rid, `${name} (${view})`])), []);
  const matches = useMemo(() => {
    const q = filter.trim().toLowerCase();
    if (!q) return [];
    return TEMPLATE_REGIONS.filter(([rid, , , , name]) => !value.includes(rid) && name.toLowerCase().includes(q)).slice(
      0,
      8,
    );
  }, [filter, value]);
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium">{label}</legend>
      {value.length > 0 ? (
        <ul className="flex flex-wrap gap-1" aria-label={`${label}: chosen`}>
          {value.map((rid) => (
            <li key={rid}>
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v !== rid))}
                className="min-h-9 rounded-full border border-line bg-stone-50 px-3 text-sm hover:border-danger"
                aria-label={`Remove ${names.get(rid) ?? rid}`}
              >
                {names.get(rid) ?? rid} <span aria-hidden>×</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <label htmlFor={id} className="sr-only">
        Find a region to add to {label.toLowerCase()}
      </label>
      <input
        id={id}
        type="search"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        placeholder="Type a body area, e.g. temple"
        className="block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-sm"
      />
      {matches.length > 0 ? (
        <ul className="rounded-md border border-line bg-white" aria-label="Matching regions">
          {matches.map(([rid, view, , , name]) => (
            <li key={rid}>
              <button
                type="button"
                className="min-h-10 w-full px-3 text-left text-sm hover:bg-accent-50"
                onClick={() => {
                  onChange([...value, rid]);
                  setFilter("");
                }}
              >
                Add {name} <span className="text-muted">({view})</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
