"use client";
import { BODY_AREAS, type Region } from "./body-areas";

/**
 * Every region of the scheme as a list grouped by body area: the way in for keyboard and
 * screen-reader users, and for anyone who finds the figure fiddly. Each place is a toggle
 * button (pressed = chosen), so the state is spoken and shown with a tick, not colour alone.
 */
export function RegionList({
  chosen,
  onPick,
  onRemove,
}: {
  chosen: Set<string>;
  onPick: (r: Region) => void;
  onRemove: (id: string) => void;
}) {
  return (
    <div className="space-y-2">
      {BODY_AREAS.map((area) => {
        const count = area.regions.filter((r) => chosen.has(r.id)).length;
        return (
          <details key={area.name} className="rounded-lg border border-line bg-white">
            <summary className="flex min-h-12 cursor-pointer items-center justify-between gap-2 px-4 text-base font-medium text-ink">
              {area.name}
              {count > 0 ? <span className="text-sm font-normal text-muted">{count} chosen</span> : null}
            </summary>
            <ul className="grid gap-2 border-t border-line p-3 sm:grid-cols-2">
              {area.regions.map((r) => {
                const on = chosen.has(r.id);
                return (
                  <li key={r.id}>
                    <button
                      type="button"
                      aria-pressed={on}
                      onClick={() => (on ? onRemove(r.id) : onPick(r))}
                      className={`flex min-h-12 w-full items-center gap-3 rounded-md border-2 px-3 text-left text-base ${on ? "border-accent-700 bg-accent-50" : "border-stone-300 bg-white hover:border-accent-600"}`}
                    >
                      <span
                        aria-hidden="true"
                        className={`flex size-6 shrink-0 items-center justify-center rounded border-2 ${on ? "border-accent-700 bg-accent-700 text-white" : "border-stone-400"}`}
                      >
                        {on ? "✓" : ""}
                      </span>
                      {r.name}
                    </button>
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </div>
  );
}
