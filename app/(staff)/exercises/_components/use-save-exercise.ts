"use client";
// lib schemas bring zod here: first the switch that keeps it jitless in the browser.
import "@/app/_lib/zod-browser";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ExerciseDto } from "@/lib/programmes/exercises/schemas";
import { formToBody, type ExerciseFormValues } from "@/lib/programmes/exercises/exercise-form";
import {
  createExercise,
  deleteExerciseImage,
  exerciseKeys,
  putExerciseImage,
  updateExercise,
} from "@/app/_lib/queries/exercises";
import type { ImageChange } from "./image-picker";

/** The exercise was saved but its picture was not: the form stays open on the saved exercise. */
export class ImageSaveError extends Error {
  constructor(readonly reason: unknown) {
    super("The exercise was saved, but its picture was not.");
  }
}

/**
 * Saves the exercise, then its picture (the picture needs the exercise's id). After a create,
 * `current` is the new exercise, so a retry (e.g. a smaller picture) edits it instead of adding
 * a second one; after a 409 the form can adopt the other person's version through `adopt`.
 */
export function useSaveExercise(initial: ExerciseDto | null, onSaved: (e: ExerciseDto) => void) {
  const qc = useQueryClient();
  const [current, adopt] = useState(initial);
  const mutation = useMutation({
    mutationFn: async ({ values, image }: { values: ExerciseFormValues; image: ImageChange }) => {
      const body = formToBody(values);
      const saved = current?.clinicExerciseId
        ? await updateExercise(current.clinicExerciseId, { ...body, version: current.version ?? 1 })
        : await createExercise(body);
      adopt(saved);
      try {
        if (image.kind === "set") await putExerciseImage(saved.clinicExerciseId!, image.image);
        else if (image.kind === "remove" && saved.hasImage) await deleteExerciseImage(saved.clinicExerciseId!);
      } catch (err) {
        throw new ImageSaveError(err);
      }
      return saved;
    },
    onSettled: () => qc.invalidateQueries({ queryKey: exerciseKeys.all }),
    onSuccess: onSaved,
  });
  return { mutation, current, adopt };
}
