"use client";
import { useWatch, type UseFormReturn } from "react-hook-form";
import type { ExerciseFormValues } from "@/lib/programmes/exercises/exercise-form";
import { Field } from "@/app/_components/ui/field";

/** Default dosage in the library's terms: a hold per spot or rolling per muscle, with an optional safe range. */
export function DosageFields({ form }: { form: UseFormReturn<ExerciseFormValues> }) {
  const kind = useWatch({ control: form.control, name: "dosageKind" });
  const { errors } = form.formState;
  const what = kind === "hold" ? "Hold time per spot" : "Rolling time per muscle";
  const num = { type: "number", inputMode: "numeric", min: 1 } as const;
  return (
    <fieldset className="grid gap-4 rounded-md border border-line p-4 sm:col-span-2 sm:grid-cols-3">
      <legend className="px-1 text-sm font-medium text-ink">Default dosage</legend>
      <fieldset className="sm:col-span-3">
        <legend className="mb-1 text-sm font-medium text-ink">Timed as</legend>
        <div className="flex flex-wrap gap-4">
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value="hold" className="size-4" {...form.register("dosageKind")} /> A hold on each
            tender spot
          </label>
          <label className="flex min-h-11 items-center gap-2 text-sm">
            <input type="radio" value="rolling" className="size-4" {...form.register("dosageKind")} /> Rolling over the
            muscle
          </label>
        </div>
      </fieldset>
      <Field label={`${what} (seconds)`} {...num} error={errors.seconds?.message} {...form.register("seconds")} />
      <Field
        label="Safe range from (seconds)"
        hint="Optional"
        {...num}
        error={errors.rangeMin?.message}
        {...form.register("rangeMin")}
      />
      <Field
        label="Safe range to (seconds)"
        hint="Optional"
        {...num}
        error={errors.rangeMax?.message}
        {...form.register("rangeMax")}
      />
      <Field label="Sets" {...num} max={10} error={errors.sets?.message} {...form.register("sets")} />
      <Field
        label="Times per day"
        {...num}
        max={6}
        error={errors.timesPerDay?.message}
        {...form.register("timesPerDay")}
      />
      <Field
        label="Days per week"
        {...num}
        max={7}
        error={errors.daysPerWeek?.message}
        {...form.register("daysPerWeek")}
      />
    </fieldset>
  );
}
