import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { EXERCISE_TOOLS, type ListExercisesQuery } from "@/lib/programmes/exercises/schemas";
import { buttonClass } from "@/app/_components/ui/button";
import { regionLabel } from "./exercise-text";
import type { MuscleOption } from "./muscle-picker";

const selectClass = "block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3";

/** A plain GET form: filters live in the URL, so a filtered list can be bookmarked and works without script. */
export function ExerciseFilters({
  query,
  regions,
  muscles,
  canWrite,
}: {
  query: ListExercisesQuery;
  regions: string[];
  muscles: MuscleOption[];
  canWrite: boolean;
}) {
  const own = muscles.filter((m) => m.source === "clinic");
  return (
    <form
      method="get"
      className="mb-6 grid gap-3 rounded-lg border border-line bg-white p-4 sm:grid-cols-2 lg:grid-cols-5"
      aria-label="Filter exercises"
    >
      <div className="lg:col-span-2">
        <label htmlFor="q" className="mb-1 block text-sm font-medium">
          Search
        </label>
        <input
          id="q"
          name="q"
          type="search"
          defaultValue={query.q ?? ""}
          placeholder="e.g. calf, wall"
          className={selectClass}
        />
      </div>
      <div>
        <label htmlFor="tool" className="mb-1 block text-sm font-medium">
          Tool
        </label>
        <select id="tool" name="tool" defaultValue={query.tool ?? ""} className={selectClass}>
          <option value="">Any tool</option>
          {EXERCISE_TOOLS.map((t) => (
            <option key={t} value={t}>
              {TOOL_LABEL[t]}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="region" className="mb-1 block text-sm font-medium">
          Body region
        </label>
        <select id="region" name="region" defaultValue={query.region ?? ""} className={selectClass}>
          <option value="">Any region</option>
          {regions.map((r) => (
            <option key={r} value={r}>
              {regionLabel(r)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="muscle" className="mb-1 block text-sm font-medium">
          Muscle
        </label>
        <select id="muscle" name="muscle" defaultValue={query.muscle ?? ""} className={selectClass}>
          <option value="">Any muscle</option>
          <optgroup label="Library">
            {muscles
              .filter((m) => m.source === "library")
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </optgroup>
          {own.length ? (
            <optgroup label="Your clinic">
              {own.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
      </div>
      <div className="flex flex-wrap items-center gap-2 sm:col-span-2 lg:col-span-5">
        <button type="submit" className={buttonClass("primary")}>
          Show exercises
        </button>
        <a href="/exercises" className={buttonClass("secondary")}>
          Clear filters
        </a>
        {canWrite ? (
          <label className="ml-auto flex min-h-11 items-center gap-2 text-sm">
            <input
              type="checkbox"
              name="includeArchived"
              value="true"
              defaultChecked={query.includeArchived ?? false}
              className="size-4"
            />
            Show archived clinic exercises
          </label>
        ) : null}
      </div>
    </form>
  );
}
