"use client";
import { useFieldArray, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField, TextAreaField } from "@/app/_components/ui/field";
import { QUESTION_KINDS, WRITE_BACK_TARGETS, type QuestionKind } from "@/lib/forms/definition";
import { isChoice, newId, QUESTION_KIND_LABELS } from "@/lib/forms/form-editor";
import { WRITE_BACK_TARGET_LABELS } from "@/lib/forms/kinds";
import { MoveButtons } from "./move-buttons";
import type { EditorForm } from "./editor-form";

/** Kinds whose answer can be copied to the record (after the therapist's review). */
const MAPPABLE = new Set<QuestionKind>(["short_text", "date", "multi_choice"]);

/** One question: its text, answer type, options, whether it must be answered, and where it maps. */
export function QuestionEditor({
  form,
  section,
  index,
  count,
  onMove,
  onRemove,
}: {
  form: EditorForm;
  section: number;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const base = `sections.${section}.questions.${index}` as const;
  const q = useWatch({ control: form.control, name: base });
  const options = useFieldArray({ control: form.control, name: `${base}.options`, keyName: "_key" });
  const errors = form.formState.errors.sections?.[section]?.questions?.[index];
  const optionsError = errors?.options?.root?.message ?? errors?.options?.message;
  const number = `${section + 1}.${index + 1}`;
  const name = `question ${number}${q.label ? ` “${q.label.slice(0, 60)}”` : ""}`;
  const kind = form.register(`${base}.kind`);
  const addOption = () =>
    options.append(
      {
        value: newId(
          "o",
          form.getValues(`${base}.options`).map((o) => o.value),
        ),
        label: "",
      },
      { focusName: `${base}.options.${options.fields.length}.label` },
    );
  const dependsOn = q.showIf
    ? form
        .getValues("sections")
        .flatMap((s) => s.questions)
        .find((x) => x.id === q.showIf!.question)
    : undefined;

  return (
    <fieldset className="rounded-md border border-line bg-white p-4" data-testid={`question-${number}`}>
      <legend className="px-1 text-sm font-semibold text-ink">Question {number}</legend>
      <div className="mb-3 flex flex-wrap items-start justify-end gap-2">
        <MoveButtons id={`question-${q.id}`} name={name} index={index} count={count} onMove={onMove} />
        <Button type="button" variant="ghost" disabled={count === 1} onClick={onRemove} aria-label={`Remove ${name}`}>
          Remove
        </Button>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextAreaField
          label="Question text"
          rows={2}
          className="sm:col-span-2"
          error={errors?.label?.message}
          {...form.register(`${base}.label`)}
        />
        <SelectField
          label="Answer type"
          error={errors?.kind?.message}
          {...kind}
          onChange={(e) => {
            void kind.onChange(e);
            // A choice needs options: start with two blank ones to fill in.
            if (isChoice(e.target.value as QuestionKind) && options.fields.length === 0) {
              const a = newId("o", []);
              options.replace([
                { value: a, label: "" },
                { value: newId("o", [a]), label: "" },
              ]);
            }
          }}
        >
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {QUESTION_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <label className="flex min-h-11 items-center gap-3 self-end text-sm text-ink">
          <input type="checkbox" className="size-5" {...form.register(`${base}.required`)} />
          Must be answered
        </label>
        <Field
          label="Help text (optional)"
          className="sm:col-span-2"
          hint="Shown under the question, e.g. why you ask."
          error={errors?.help?.message}
          {...form.register(`${base}.help`)}
        />
        {q.kind === "number" ? (
          <div className="grid grid-cols-3 gap-3 sm:col-span-2">
            <Field label="Lowest" inputMode="decimal" error={errors?.min?.message} {...form.register(`${base}.min`)} />
            <Field label="Highest" inputMode="decimal" error={errors?.max?.message} {...form.register(`${base}.max`)} />
            <Field label="Unit" error={errors?.unit?.message} {...form.register(`${base}.unit`)} />
          </div>
        ) : null}
        {isChoice(q.kind) ? (
          <fieldset className="sm:col-span-2">
            <legend className="mb-1 text-sm font-medium text-ink">Options</legend>
            <ol className="space-y-2">
              {options.fields.map((o, oi) => (
                <li key={o._key} className="flex items-end gap-2">
                  <Field
                    label={`Option ${oi + 1}`}
                    className="flex-1"
                    error={errors?.options?.[oi]?.label?.message ?? errors?.options?.[oi]?.value?.message}
                    {...form.register(`${base}.options.${oi}.label`)}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    aria-label={`Remove option ${oi + 1} of question ${number}`}
                    onClick={() => options.remove(oi)}
                  >
                    Remove
                  </Button>
                </li>
              ))}
            </ol>
            {optionsError ? <p className="mt-1 text-sm text-danger">{optionsError}</p> : null}
            <Button type="button" variant="secondary" className="mt-2" onClick={addOption}>
              Add an option
            </Button>
          </fieldset>
        ) : null}
        {MAPPABLE.has(q.kind) || q.mapsTo ? (
          <SelectField
            label="Copy the answer to the client's record"
            hint={
              q.mapsTo === "precautions"
                ? "Only options from the safety screen's list are proposed; the therapist reviews every change."
                : "Proposed to the therapist, who accepts or edits it. Nothing changes on the record without review."
            }
            className="sm:col-span-2"
            error={errors?.mapsTo?.message}
            {...form.register(`${base}.mapsTo`)}
          >
            <option value="">Not copied</option>
            {WRITE_BACK_TARGETS.map((t) => (
              <option key={t} value={t}>
                {WRITE_BACK_TARGET_LABELS[t]}
              </option>
            ))}
          </SelectField>
        ) : null}
        {q.showIf ? (
          <div className="flex flex-wrap items-center gap-2 text-sm text-muted sm:col-span-2">
            <p>
              Shown only when “{dependsOn?.label ?? q.showIf.question}” is answered “
              {q.showIf.equals === true ? "Yes" : q.showIf.equals === false ? "No" : String(q.showIf.equals)}”.
            </p>
            <Button
              type="button"
              variant="ghost"
              onClick={() => form.setValue(`${base}.showIf`, undefined, { shouldDirty: true })}
            >
              Always show
            </Button>
            {errors?.showIf?.message ? <p className="w-full text-danger">{errors.showIf.message}</p> : null}
          </div>
        ) : null}
      </div>
    </fieldset>
  );
}
