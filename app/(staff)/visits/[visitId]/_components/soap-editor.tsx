"use client";
import { useClinicFormat } from "@/app/_components/clinic-format";
import { useId } from "react";
import { Button } from "@/app/_components/ui/button";
import { Notice } from "@/app/_components/ui/feedback";
import { SECTIONS, type NoteFields, type SaveState, type Section } from "./use-note-autosave";

const TITLES: Record<Section, { title: string; hint: string }> = {
  subjective: {
    title: "S · Subjective",
    hint: "The client's words: where, how much, since when, what eases or aggravates it, change since last visit.",
  },
  objective: {
    title: "O · Objective",
    hint: "Observation, palpation, range of movement, tests. Trigger points are charted on the body chart.",
  },
  assessment: {
    title: "A · Assessment",
    hint: "Your interpretation and the response to treatment within your scope of practice.",
  },
  plan: { title: "P · Plan", hint: "Treatment given and planned, home programme, education, next review." },
};

function Section({
  section,
  value,
  editable,
  onChange,
}: {
  section: Section;
  value: string;
  editable: boolean;
  onChange: (v: string) => void;
}) {
  const id = useId();
  const { title, hint } = TITLES[section];
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {title}
      </label>
      <p id={`${id}-hint`} className="text-xs text-muted">
        {hint}
      </p>
      {editable ? (
        <textarea
          id={id}
          aria-describedby={`${id}-hint`}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          rows={section === "subjective" || section === "objective" ? 5 : 3}
          className="mt-1 block w-full rounded-md border border-stone-300 bg-white p-3 text-sm leading-relaxed"
        />
      ) : (
        <p id={id} className="mt-1 whitespace-pre-wrap rounded-md bg-stone-50 p-3 text-sm leading-relaxed">
          {value || "—"}
        </p>
      )}
    </div>
  );
}

/** The SOAP note. A conflict shows the other version beside the user's own words to merge. */
export function SoapEditor({
  fields,
  editable,
  state,
  onChange,
  onResolve,
}: {
  fields: NoteFields;
  editable: boolean;
  state: SaveState;
  onChange: (section: Section, value: string) => void;
  onResolve: (choice: "mine" | "theirs") => void;
}) {
  return (
    <div className="space-y-4">
      {state.kind === "conflict" ? (
        <Notice tone="danger" title="This note was changed somewhere else" testId="note-conflict">
          <p>
            Saving is paused so nothing is lost. Their version is below each of your sections; copy what you need, then
            choose.
          </p>
          <div className="mt-3 space-y-3">
            {SECTIONS.filter((s) => state.theirs[s] !== fields[s]).map((s) => (
              <div key={s}>
                <p className="text-xs font-semibold">{TITLES[s].title}: their version</p>
                <p
                  className="whitespace-pre-wrap rounded border border-red-200 bg-white p-2 text-sm text-ink"
                  data-testid={`theirs-${s}`}
                >
                  {state.theirs[s] || "—"}
                </p>
              </div>
            ))}
          </div>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" onClick={() => onResolve("mine")}>
              Save my text over theirs
            </Button>
            <Button type="button" variant="secondary" onClick={() => onResolve("theirs")}>
              Use their text
            </Button>
          </div>
        </Notice>
      ) : null}
      {state.kind === "error" ? (
        <Notice tone="danger" title="Not saved yet">
          {state.message} Your text is kept here; we will try again as you type.
        </Notice>
      ) : null}
      {SECTIONS.map((s) => (
        <Section key={s} section={s} value={fields[s]} editable={editable} onChange={(v) => onChange(s, v)} />
      ))}
    </div>
  );
}

/** "Saved 10:42": always visible in the visit header. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const cf = useClinicFormat();
  const text =
    state.kind === "saving"
      ? "Saving…"
      : state.kind === "pending"
        ? "Unsaved changes…"
        : state.kind === "saved"
          ? `Saved ${cf.at(state.at, "time")}`
          : state.kind === "conflict"
            ? "Not saved: conflict"
            : state.kind === "error"
              ? "Not saved: retrying"
              : "All changes saved";
  const tone = state.kind === "conflict" || state.kind === "error" ? "text-danger" : "text-muted";
  return (
    <p role="status" aria-live="polite" data-testid="save-state" className={`text-sm ${tone}`}>
      {text}
    </p>
  );
}
