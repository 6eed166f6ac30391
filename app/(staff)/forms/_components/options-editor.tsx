"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useFieldArray, useWatch } from "react-hook-form";
import { Button } from "@/app/_components/ui/button";
import { Field } from "@/app/_components/ui/field";
import { codeFromLabel } from "@/lib/forms/form-editor";
import type { EditorForm } from "./editor-form";

/**
 * A choice question's options. The label is what the client reads and can always be edited; the
 * code is what answers store, write-back maps and conditions compare, so it is shown and, once
 * saved, fixed. A new option's code follows its label until someone types their own code.
 */
export function OptionsEditor({ form, section, index }: { form: EditorForm; section: number; index: number }) {
  const base = `sections.${section}.questions.${index}` as const;
  const number = `${section + 1}.${index + 1}`;
  const options = useFieldArray({ control: form.control, name: `${base}.options`, keyName: "_key" });
  const values = useWatch({ control: form.control, name: `${base}.options` }) ?? [];
  const errors = form.formState.errors.sections?.[section]?.questions?.[index]?.options;
  const listError = errors?.root?.message ?? errors?.message;
  const others = (i: number) => values.filter((_, j) => j !== i).map((o) => o.value);

  const addOption = () =>
    options.append(
      {
        value: codeFromLabel(
          `option ${values.length + 1}`,
          values.map((o) => o.value),
        ),
        label: "",
        saved: false,
      },
      { focusName: `${base}.options.${values.length}.label` },
    );
  const label = (i: number) => {
    const field = form.register(`${base}.options.${i}.label`);
    return {
      ...field,
      onChange: async (e: React.ChangeEvent<HTMLInputElement>) => {
        const o = values[i];
        // Still following the label (not saved, not typed by hand): follow the new one.
        const previous = o ? codeFromLabel(o.label || `option ${i + 1}`, others(i)) : undefined;
        const following = o && !o.saved && (o.value === previous || o.value === "");
        await field.onChange(e);
        if (following)
          form.setValue(`${base}.options.${i}.value`, codeFromLabel(e.target.value || `option ${i + 1}`, others(i)), {
            shouldDirty: true,
          });
      },
    };
  };

  return (
    <fieldset className="sm:col-span-2">
      <legend className="mb-1 text-sm font-medium text-ink">Options</legend>
      <p className="mb-2 text-sm text-muted">
        Each option has a code that answers keep. Rename an option freely: its code stays, so past answers, the
        precautions it maps to and any condition on it keep their meaning.
      </p>
      <ol className="space-y-3">
        {options.fields.map((o, i) => (
          <li key={o._key} className="grid gap-2 sm:grid-cols-[minmax(0,2fr)_minmax(0,1fr)_auto] sm:items-end">
            <Field label={`Option ${i + 1}`} error={errors?.[i]?.label?.message} {...label(i)} />
            {values[i]?.saved ? (
              <Field
                label={`Code of option ${i + 1}`}
                readOnly
                hint="Fixed once saved."
                className="font-mono"
                error={errors?.[i]?.value?.message}
                {...form.register(`${base}.options.${i}.value`)}
              />
            ) : (
              <Field
                label={`Code of option ${i + 1}`}
                hint="Made from the label; you may change it."
                autoCapitalize="off"
                spellCheck={false}
                className="font-mono"
                error={errors?.[i]?.value?.message}
                {...form.register(`${base}.options.${i}.value`)}
              />
            )}
            <Button
              type="button"
              variant="ghost"
              aria-label={`Remove option ${i + 1} of question ${number}`}
              onClick={() => options.remove(i)}
            >
              Remove
            </Button>
          </li>
        ))}
      </ol>
      {listError ? <p className="mt-1 text-sm text-danger">{listError}</p> : null}
      <Button type="button" variant="secondary" className="mt-2" onClick={addOption}>
        Add an option
      </Button>
    </fieldset>
  );
}
