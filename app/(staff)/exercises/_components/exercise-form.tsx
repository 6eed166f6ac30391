"use client";
import "@/app/_lib/zod-browser";
import { useForm, useWatch } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import type { ExerciseDto } from "@/lib/programmes/exercises/schemas";
import { EXERCISE_TOOLS } from "@/lib/programmes/exercises/schemas";
import {
  dtoToForm,
  emptyExerciseForm,
  exerciseFormSchema,
  formField,
  type ExerciseFormValues,
} from "@/lib/programmes/exercises/exercise-form";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { ApiError } from "@/app/_lib/api";
import { Button } from "@/app/_components/ui/button";
import { Field, SelectField, TextAreaField } from "@/app/_components/ui/field";
import { Notice } from "@/app/_components/ui/feedback";
import { ImagePicker, type ImageChange } from "./image-picker";
import { MusclePicker, type MuscleOption } from "./muscle-picker";
import { DosageFields } from "./dosage-fields";
import { ImageSaveError, useSaveExercise } from "./use-save-exercise";

/** Add or edit a clinic exercise: validated with the API's own schema; server 400/409 shown in place. */
export function ExerciseForm({
  exercise,
  muscles,
  onSaved,
  onCancel,
}: {
  exercise: ExerciseDto | null;
  muscles: MuscleOption[];
  onSaved: (e: ExerciseDto) => void;
  onCancel: () => void;
}) {
  const form = useForm<ExerciseFormValues>({
    resolver: zodResolver(exerciseFormSchema),
    defaultValues: exercise ? dtoToForm(exercise) : emptyExerciseForm,
  });
  const { errors } = form.formState;
  const chosen = useWatch({ control: form.control, name: "muscles" });
  const [image, setImage] = useState<ImageChange>({ kind: "keep" });
  const [imageError, setImageError] = useState<string>();
  const [theirs, setTheirs] = useState<ExerciseDto | null>(null);
  const { mutation: save, current, adopt } = useSaveExercise(exercise, onSaved);

  const onError = (err: unknown) => {
    if (err instanceof ImageSaveError) {
      setImageError(`${err.message} ${err.reason instanceof Error ? err.reason.message : ""}`.trim());
      return;
    }
    if (!(err instanceof ApiError)) return;
    if (err.status === 409 && err.details.current) setTheirs(err.details.current as ExerciseDto);
    for (const [path, messages] of Object.entries(err.fieldErrors)) {
      const field = formField(path);
      if (field && messages[0]) form.setError(field, { message: messages[0] });
    }
  };
  const submit = form.handleSubmit((values) => {
    setImageError(undefined);
    setTheirs(null);
    save.mutate({ values, image }, { onError });
  });
  const useTheirs = () => {
    if (!theirs) return;
    adopt(theirs);
    form.reset(dtoToForm(theirs));
    setTheirs(null);
    save.reset();
  };
  const generalError =
    save.error instanceof ApiError && save.error.status !== 409 && Object.keys(save.error.fieldErrors).length === 0
      ? save.error.message
      : null;

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={current ? "Edit exercise" : "Add exercise"}
      className="grid gap-4 sm:grid-cols-2"
    >
      {theirs ? (
        <div className="sm:col-span-2">
          <Notice tone="warning" title="Someone else saved this exercise first">
            {save.error?.message}{" "}
            <button type="button" className="min-h-11 font-medium underline" onClick={useTheirs}>
              Load their version
            </button>
          </Notice>
        </div>
      ) : null}
      {generalError ? (
        <div className="sm:col-span-2">
          <Notice tone="danger">{generalError}</Notice>
        </div>
      ) : null}
      <Field label="Name" className="sm:col-span-2" error={errors.name?.message} {...form.register("name")} />
      <SelectField label="Tool" error={errors.tool?.message} {...form.register("tool")}>
        <option value="">Choose a tool</option>
        {EXERCISE_TOOLS.map((t) => (
          <option key={t} value={t}>
            {TOOL_LABEL[t]}
          </option>
        ))}
      </SelectField>
      <div className="sm:col-span-2">
        <MusclePicker
          muscles={muscles}
          value={chosen}
          error={errors.muscles?.message}
          onChange={(ids) =>
            form.setValue("muscles", ids, { shouldDirty: true, shouldValidate: form.formState.isSubmitted })
          }
        />
      </div>
      <TextAreaField
        label="Steps"
        hint="One step per line, written for the client."
        rows={5}
        className="sm:col-span-2"
        error={errors.steps?.message}
        {...form.register("steps")}
      />
      <DosageFields form={form} />
      <TextAreaField
        label="Cautions"
        hint="One per line, e.g. “Keep off the back of the knee.”"
        rows={3}
        className="sm:col-span-2"
        error={errors.cautions?.message}
        {...form.register("cautions")}
      />
      <ImagePicker
        currentUrl={current?.imageUrl ?? null}
        change={image}
        onChange={(c) => {
          setImage(c);
          setImageError(undefined);
        }}
        error={imageError}
      />
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" busy={save.isPending}>
          {current ? "Save changes" : "Add exercise"}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
