"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useMemo, useState } from "react";
import type { BuilderData, ExerciseOption } from "@/lib/programmes/schemas";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import { Badge } from "@/app/_components/ui/feedback";
import { searchCatalogue } from "./builder-model";

const REGION_LABEL = (r: string) => r.replaceAll("_", " ").replace(/^./, (c) => c.toUpperCase());

/** Suggestions from the latest visit's trigger points first, then the whole catalogue to search. */
export function ExercisePicker({
  data,
  options,
  onAdd,
  addedKeys,
}: {
  data: BuilderData;
  options: ReadonlyMap<string, ExerciseOption>;
  onAdd: (option: ExerciseOption, triggerPointId?: string) => void;
  addedKeys: ReadonlySet<string>;
}) {
  const [text, setText] = useState("");
  const [tool, setTool] = useState("");
  const [region, setRegion] = useState("");
  const regions = useMemo(
    () => [...new Set(data.catalogue.flatMap((o) => o.targetMuscles.map((m) => m.region)).filter(Boolean))].sort(),
    [data.catalogue],
  );
  const results = useMemo(
    () => searchCatalogue(data.catalogue, { text, tool, region }),
    [data.catalogue, text, tool, region],
  );
  const searching = Boolean(text || tool || region);

  return (
    <div className="space-y-5">
      <section aria-labelledby="suggested-heading" className="space-y-2">
        <h2 id="suggested-heading" className="text-base font-semibold text-ink">
          Suggested for {data.clientName}
        </h2>
        {data.latestVisit === null ? (
          <p className="text-sm text-muted">No visits yet: search the library below.</p>
        ) : null}
        {data.latestVisit && data.suggestions.length === 0 ? (
          <p className="text-sm text-muted">
            No trigger points at the latest visit match an exercise: search the library below.
          </p>
        ) : null}
        <ul className="space-y-2" aria-label="Suggested exercises">
          {data.suggestions.map((s) => {
            const o = options.get(s.key);
            return o ? (
              <OptionRow
                key={s.key}
                o={o}
                added={addedKeys.has(o.key)}
                onAdd={() => onAdd(o, s.triggerPointIds[0])}
                why={`For ${s.matchedMuscles.join(", ")} (${s.basis} trigger point${s.triggerPointIds.length > 1 ? "s" : ""})`}
              />
            ) : null;
          })}
        </ul>
      </section>

      <section aria-labelledby="library-heading" className="space-y-2">
        <h2 id="library-heading" className="text-base font-semibold text-ink">
          Exercise library
        </h2>
        <div className="grid gap-2 sm:grid-cols-3">
          <div className="sm:col-span-3">
            <label htmlFor="exercise-search" className="mb-1 block text-sm font-medium text-ink">
              Search exercises
            </label>
            <input
              id="exercise-search"
              type="search"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Name, muscle or words"
              className="block min-h-11 w-full rounded-md border border-stone-300 bg-white px-3 text-base"
            />
          </div>
          <SelectField label="Tool" value={tool} onChange={(e) => setTool(e.target.value)} className="sm:col-span-1">
            <option value="">Any tool</option>
            {Object.entries(TOOL_LABEL).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
                {data.ownedTools.includes(id) ? " (owned)" : ""}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Body region"
            value={region}
            onChange={(e) => setRegion(e.target.value)}
            className="sm:col-span-2"
          >
            <option value="">Anywhere</option>
            {regions.map((r) => (
              <option key={r} value={r}>
                {REGION_LABEL(r)}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="text-xs text-muted" aria-live="polite">
          {searching ? `${results.length} exercises match` : `${results.length} exercises; tools the client owns first`}
        </p>
        {/* relative: the scroll box must contain the rows' absolutely positioned screen-reader text,
            or each row's sr-only span escapes it and stretches the page ~4,000 px past its content. */}
        {/* Focusable: when every listed exercise is already added, no button inside can take focus,
            and keyboard users must still be able to scroll the box (axe scrollable-region-focusable). */}
        <div
          role="region"
          aria-label="Exercise library"
          tabIndex={0}
          className="relative max-h-[32rem] overflow-y-auto pr-1"
        >
          <ul className="space-y-2" aria-label="Library exercises">
            {results.map((o) => (
              <OptionRow key={o.key} o={o} added={addedKeys.has(o.key)} onAdd={() => onAdd(o)} />
            ))}
          </ul>
        </div>
      </section>
    </div>
  );
}

function OptionRow({ o, why, added, onAdd }: { o: ExerciseOption; why?: string; added: boolean; onAdd: () => void }) {
  const blocked = o.screen.verdict === "block";
  return (
    <li
      className={`rounded-md border px-3 py-2 text-sm ${blocked ? "border-red-200 bg-red-50/50" : "border-line bg-white"}`}
    >
      <div className="flex items-start justify-between gap-2">
        <div>
          <p className="font-medium text-ink">{o.name}</p>
          <p className="text-xs text-muted">
            {TOOL_LABEL[o.tool] ?? o.tool} · {o.targetMuscles.map((m) => m.name).join(", ")}
            {o.source === "clinic" ? " · clinic exercise" : ""}
          </p>
          {why ? <p className="text-xs text-muted">{why}</p> : null}
        </div>
        <Button type="button" variant="secondary" className="shrink-0 px-3" disabled={blocked || added} onClick={onAdd}>
          {added ? "Added" : "Add"}
          <span className="sr-only"> {o.name}</span>
        </Button>
      </div>
      <div className="mt-1 flex flex-wrap gap-1">
        {added ? <Badge tone="info">✓ In the programme</Badge> : null}
        {o.owned ? (
          <Badge tone="success">Client has this tool</Badge>
        ) : (
          <Badge>Needs a {(TOOL_LABEL[o.tool] ?? o.tool).toLowerCase()}</Badge>
        )}
        {o.screen.verdict === "flag" ? <Badge tone="warning">⚠ Caution</Badge> : null}
        {blocked ? <Badge tone="danger">✕ Not for this client</Badge> : null}
      </div>
      {o.screen.verdict !== "ok" ? (
        <ul className={`mt-1 list-disc pl-5 text-xs ${blocked ? "text-danger" : "text-warn"}`}>
          {o.screen.reasons.slice(0, blocked ? 3 : 2).map((r) => (
            <li key={`${r.precaution}-${r.text}`}>{r.text}</li>
          ))}
        </ul>
      ) : null}
      {!o.owned && o.substitute ? (
        <p className="mt-1 text-xs text-muted">With a tool they have: {o.substitute.name}</p>
      ) : null}
    </li>
  );
}
