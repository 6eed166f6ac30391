import { queryOptions } from "@tanstack/react-query";
import { api } from "@/app/_lib/api";
import type { CreateExerciseBody, ExerciseDto, ImageDto, ImageType, ListExercisesQuery } from "@/lib/exercises/schemas";

export type ExerciseFilters = { [K in keyof ListExercisesQuery]?: string };

export const exerciseKeys = {
  all: ["exercises"] as const,
  list: (filters: ExerciseFilters) => ["exercises", "list", filters] as const,
};

function searchOf(filters: ExerciseFilters): string {
  const params = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => Boolean(e[1])));
  const s = params.toString();
  return s ? `?${s}` : "";
}

/** The library and the clinic's own exercises matching the filters. */
export function exercisesQuery(filters: ExerciseFilters) {
  return queryOptions({
    queryKey: exerciseKeys.list(filters),
    queryFn: ({ signal }) => api<ExerciseDto[]>(`/api/exercises${searchOf(filters)}`, { signal }),
  });
}

export const createExercise = (body: CreateExerciseBody) =>
  api<ExerciseDto>("/api/exercises", { method: "POST", body });

export const updateExercise = (id: string, body: CreateExerciseBody & { version: number }) =>
  api<ExerciseDto>(`/api/exercises/${id}`, { method: "PATCH", body });

export const setExerciseArchived = (id: string, archived: boolean) =>
  api<ExerciseDto>(`/api/exercises/${id}/${archived ? "archive" : "restore"}`, { method: "POST" });

export const putExerciseImage = (id: string, image: { contentType: ImageType; dataBase64: string }) =>
  api<ImageDto>(`/api/exercises/${id}/image`, { method: "PUT", body: image });

export const deleteExerciseImage = (id: string) => api<void>(`/api/exercises/${id}/image`, { method: "DELETE" });
