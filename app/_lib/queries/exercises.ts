import { queryOptions } from "@tanstack/react-query";
import { call, ops } from "@/app/_lib/api-client";
import type { CreateExerciseBody, ImageType, ListExercisesQuery } from "@/lib/programmes/exercises/schemas";

export type ExerciseFilters = { [K in keyof ListExercisesQuery]?: string };

export const exerciseKeys = {
  all: ["exercises"] as const,
  list: (filters: ExerciseFilters) => ["exercises", "list", filters] as const,
};

/** An empty filter is not sent at all. */
const queryOf = (filters: ExerciseFilters) =>
  Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));

/** The library and the clinic's own exercises matching the filters. */
export function exercisesQuery(filters: ExerciseFilters) {
  return queryOptions({
    queryKey: exerciseKeys.list(filters),
    queryFn: ({ signal }) => call(ops.listExercises, { query: queryOf(filters), signal }),
  });
}

export const createExercise = (body: CreateExerciseBody) => call(ops.createExercise, { body });

export const updateExercise = (id: string, body: CreateExerciseBody & { version: number }) =>
  call(ops.updateExercise, { params: { exerciseId: id }, body });

export const setExerciseArchived = (id: string, archived: boolean) =>
  call(archived ? ops.archiveExercise : ops.restoreExercise, { params: { exerciseId: id } });

export const putExerciseImage = (id: string, image: { contentType: ImageType; dataBase64: string }) =>
  call(ops.putExerciseImage, { params: { exerciseId: id }, body: image });

export const deleteExerciseImage = (id: string) => call(ops.deleteExerciseImage, { params: { exerciseId: id } });
