"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useFieldArray, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Field, TextAreaField } from "@/app/_components/ui/field";
import { allIds, blankQuestion } from "@/lib/forms/form-editor";
import { MoveButtons } from "./move-buttons";
import { QuestionEditor } from "./question-editor";
import type { EditorForm } from "./editor-form";

export type { EditorForm } from "./editor-form";

/** One section: its title and introduction, and its questions in order. */
export function SectionEditor({
  form,
  index,
  count,
  onMove,
  onRemove,
}: {
  form: EditorForm;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}) {
  const base = `sections.${index}` as const;
  const questions = useFieldArray({ control: form.control, name: `${base}.questions`, keyName: "_key" });
  const id = useWatch({ control: form.control, name: `${base}.id` });
  const title = useWatch({ control: form.control, name: `${base}.title` });
  const errors = form.formState.errors.sections?.[index];
  const name = `section ${index + 1}${title ? ` “${title}”` : ""}`;
  const questionsError = errors?.questions?.root?.message ?? errors?.questions?.message;
  return (
    <fieldset className="rounded-lg border border-line bg-stone-50 p-4 sm:p-5" data-testid={`section-${index + 1}`}>
      <legend className="rounded bg-white px-2 text-base font-semibold text-ink">Section {index + 1}</legend>
      <div className="mb-3 flex flex-wrap items-start justify-end gap-2">
        <MoveButtons id={`section-${id}`} name={name} index={index} count={count} onMove={onMove} />
        <Button type="button" variant="ghost" disabled={count === 1} onClick={onRemove} aria-label={`Remove ${name}`}>
          Remove section
        </Button>
      </div>
      <div className="grid gap-4">
        <Field label="Section title" error={errors?.title?.message} {...form.register(`${base}.title`)} />
        <TextAreaField
          label="Section introduction (optional)"
          rows={2}
          error={errors?.intro?.message}
          {...form.register(`${base}.intro`)}
        />
      </div>
      <ol className="mt-4 space-y-4">
        {questions.fields.map((q, qi) => (
          <li key={q._key}>
            <QuestionEditor
              form={form}
              section={index}
              index={qi}
              count={questions.fields.length}
              onMove={questions.move}
              onRemove={() => questions.remove(qi)}
            />
          </li>
        ))}
      </ol>
      {questionsError ? <p className="mt-2 text-sm text-danger">{questionsError}</p> : null}
      <Button
        type="button"
        variant="secondary"
        className="mt-4"
        onClick={() =>
          questions.append(blankQuestion(allIds(form.getValues())), {
            focusName: `${base}.questions.${questions.fields.length}.label`,
          })
        }
      >
        Add a question to section {index + 1}
      </Button>
    </fieldset>
  );
}
