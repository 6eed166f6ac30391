"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useWatch } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField, TextAreaField } from "@/app/_components/ui/field";
import { QUESTION_KINDS, WRITE_BACK_TARGETS, type QuestionKind } from "@/lib/forms/definition";
import { isChoice, QUESTION_KIND_LABELS } from "@/lib/forms/form-editor";
import { WRITE_BACK_TARGET_LABELS } from "@/lib/forms/kinds";
import { MoveButtons } from "./move-buttons";
import { OptionsEditor } from "./options-editor";
import { ConditionEditor } from "./condition-editor";
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
  const errors = form.formState.errors.sections?.[section]?.questions?.[index];
  const number = `${section + 1}.${index + 1}`;
  const name = `question ${number}${q.label ? ` “${q.label.slice(0, 60)}”` : ""}`;
  const kind = form.register(`${base}.kind`);
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
            if (isChoice(e.target.value as QuestionKind) && form.getValues(`${base}.options`).length === 0) {
              form.setValue(`${base}.options`, [
                { value: "option_1", label: "", saved: false },
                { value: "option_2", label: "", saved: false },
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
        {isChoice(q.kind) ? <OptionsEditor form={form} section={section} index={index} /> : null}
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
        <ConditionEditor form={form} section={section} index={index} />
      </div>
    </fieldset>
  );
}
