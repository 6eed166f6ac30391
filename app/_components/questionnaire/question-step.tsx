"use client";
import type { Ref } from "react";
import type { InstrumentItemDto, ItemAnswer } from "@/app/_lib/queries/questionnaires";
import { AnswerChoices, anchorsText } from "./answer-choices";

/** PSFS asks for at least three activities (its scoring rule); the server checks it too. */
export const MIN_ACTIVITIES = 3;

const inputClass =
  "block w-full min-h-12 rounded-md border border-stone-300 bg-white px-3 text-base text-ink placeholder:text-stone-500 focus:border-accent-600 aria-[invalid=true]:border-danger";

/** PSFS, first screen: the person names the activities they will rate (kept for next time). */
export function ActivitiesStep({
  items,
  labels,
  onChange,
  error,
  repeat,
  ref,
}: {
  items: InstrumentItemDto[];
  labels: Record<string, string>;
  onChange: (id: string, label: string) => void;
  error?: string;
  /** Labels were carried over from the last time. */
  repeat: boolean;
  ref?: Ref<HTMLHeadingElement>;
}) {
  return (
    <fieldset
      className="m-0 min-w-0 space-y-4 border-0 p-0"
      aria-labelledby="activities-heading"
      aria-describedby={error ? "activities-error" : "activities-hint"}
    >
      <h2 ref={ref} id="activities-heading" tabIndex={-1} className="text-xl leading-snug font-semibold text-ink">
        Which everyday activities are hard for you because of your problem?
      </h2>
      <p id="activities-hint" className="text-base text-muted">
        {repeat
          ? "These are the activities you named last time. You will rate each one again; change them only if they no longer apply."
          : `Name ${MIN_ACTIVITIES} to ${items.length} activities, for example “lifting my child” or “driving for an hour”. You will rate each one next.`}
      </p>
      {items.map((item, i) => (
        <div key={item.id}>
          <label htmlFor={`label-${item.id}`} className="mb-1 block text-sm font-medium text-ink">
            Activity {i + 1}
            {i >= MIN_ACTIVITIES ? <span className="font-normal text-muted"> (optional)</span> : null}
          </label>
          <input
            id={`label-${item.id}`}
            className={inputClass}
            value={labels[item.id] ?? ""}
            maxLength={200}
            autoComplete="off"
            aria-invalid={error && i < MIN_ACTIVITIES && !labels[item.id]?.trim() ? true : undefined}
            onChange={(e) => onChange(item.id, e.target.value)}
          />
        </div>
      ))}
      {error ? (
        <p id="activities-error" role="alert" className="text-sm font-medium text-danger">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One question on its own screen section: heading, the wording, its answers, its error. */
export function ItemStep({
  item,
  label,
  value,
  onChange,
  error,
  ref,
}: {
  item: InstrumentItemDto;
  /** The activity the person named (PSFS), shown as the question's subject. */
  label?: string;
  value: number | null;
  onChange: (v: number) => void;
  error?: string;
  ref?: Ref<HTMLHeadingElement>;
}) {
  const answer = item.answer as ItemAnswer;
  const id = `q-${item.id}`;
  const anchors = anchorsText(answer);
  // Which text is the question depends on who wrote it: the instrument, the clinic (licensed
  // wording under a section title) or the person themselves (a PSFS activity).
  const heading =
    item.promptSource === "patient"
      ? `How well can you do this today: “${label}”?`
      : item.promptSource === "clinic"
        ? item.title
        : (item.prompt ?? item.title);
  const wording = item.promptSource === "clinic" ? item.prompt : null;
  const described =
    [wording ? `${id}-wording` : null, anchors ? `${id}-anchors` : null, error ? `${id}-error` : null]
      .filter(Boolean)
      .join(" ") || undefined;
  return (
    <div className="space-y-4">
      <h2 ref={ref} id={`${id}-heading`} tabIndex={-1} className="text-xl leading-snug font-semibold text-ink">
        {heading}
      </h2>
      {wording ? (
        <p id={`${id}-wording`} className="text-base whitespace-pre-line text-ink">
          {wording}
        </p>
      ) : null}
      {anchors ? (
        <p id={`${id}-anchors`} className="text-sm text-muted">
          {anchors}
        </p>
      ) : null}
      <AnswerChoices
        name={item.id}
        answer={answer}
        value={value}
        onChange={onChange}
        labelledBy={`${id}-heading`}
        describedBy={described}
        invalid={!!error}
      />
      {error ? (
        <p
          id={`${id}-error`}
          role="alert"
          className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-danger"
        >
          {error}
        </p>
      ) : null}
    </div>
  );
}
