"use client";
import { useId, type ComponentProps } from "react";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { FindingDto } from "@/lib/clinical/schemas";
import { formatPressure, PRESSURE_UNIT_LABEL } from "@/lib/clinical/rules/ppt-plausible";
import { Field } from "@/app/_components/ui/field";
import type { FindingInput, FindingValues } from "./finding-form";

/** A labelled checkbox, as the palpation and treatment lists show them. */
export function Check({ label, ...props }: { label: string } & ComponentProps<"input">) {
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm">
      <input type="checkbox" className="size-5 accent-accent-700" {...props} />
      {label}
    </label>
  );
}

/**
 * Up to three algometer trials in the chosen unit. Once any trial has been left (or a save
 * tried), every trial's check shows; each error is tied to its input and names the trial.
 */
export function PptTrials({
  form,
  finding,
  editable,
}: {
  form: UseFormReturn<FindingInput, unknown, FindingValues>;
  finding: FindingDto;
  editable: boolean;
}) {
  const idBase = useId();
  const unit = useWatch({ control: form.control, name: "unit" });
  const trials = useWatch({ control: form.control, name: "trials" });
  const errors = form.formState.errors.trials;
  const errorOf = (i: number) => errors?.[i]?.message;
  return (
    <fieldset disabled={!editable}>
      <legend className="mb-1 text-sm font-medium">
        Pressure pain threshold trials, in {PRESSURE_UNIT_LABEL[unit]} (optional)
      </legend>
      <div className="grid grid-cols-3 gap-2">
        {trials.map((_, i) => {
          const error = errorOf(i);
          return (
            <Field
              key={i}
              label={`Trial ${i + 1}`}
              type="number"
              inputMode="decimal"
              min={0}
              step="any"
              {...form.register(`trials.${i}`, { onBlur: () => void form.trigger("trials") })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${idBase}-trial-${i}-error` : undefined}
            />
          );
        })}
      </div>
      {trials.map((_, i) => {
        const error = errorOf(i);
        return error ? (
          <p key={i} id={`${idBase}-trial-${i}-error`} className="mt-1 text-sm text-danger">
            Trial {i + 1}: {error}
          </p>
        ) : null;
      })}
      {finding.pptKpaMean !== null ? (
        <p className="tabular mt-1 text-sm text-muted">
          Saved mean: {formatPressure(finding.pptKpaMean, unit)}
          {unit === "kPa" ? "" : ` (${finding.pptKpaMean.toFixed(1)} kPa)`}
        </p>
      ) : null}
    </fieldset>
  );
}
