"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { ExerciseDto } from "@/lib/programmes/exercises/schemas";
import { exerciseKeys, exercisesQuery, setExerciseArchived, type ExerciseFilters } from "@/app/_lib/queries/exercises";
import { Button } from "@/app/_components/ui/button";
import { EmptyState, Notice } from "@/app/_components/ui/feedback";
import { ExerciseCard } from "./exercise-card";
import { ExerciseDialog } from "./exercise-dialog";
import type { MuscleOption } from "./muscle-picker";

/** The filtered exercises, kept fresh by react-query after every add, edit, archive or restore. */
export function ExerciseLibrary({
  initial,
  filters,
  canWrite,
  muscles,
}: {
  initial: ExerciseDto[];
  filters: ExerciseFilters;
  canWrite: boolean;
  muscles: MuscleOption[];
}) {
  const qc = useQueryClient();
  const { data, isError, refetch } = useQuery({ ...exercisesQuery(filters), initialData: initial });
  const [editing, setEditing] = useState<ExerciseDto | "new" | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const archive = useMutation({
    mutationFn: ({ id, archived }: { id: string; archived: boolean }) => setExerciseArchived(id, archived),
    onSuccess: (e) => setDone(e.archived ? `Archived “${e.name}”.` : `Restored “${e.name}”.`),
    onSettled: () => qc.invalidateQueries({ queryKey: exerciseKeys.all }),
  });
  return (
    <>
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted" role="status">
          {data.length} exercise{data.length === 1 ? "" : "s"}
        </p>
        {canWrite ? (
          <Button
            onClick={() => {
              setDone(null);
              setEditing("new");
            }}
          >
            Add exercise
          </Button>
        ) : null}
      </div>
      <div className="mb-3 space-y-2">
        {done ? (
          <Notice tone="success" testId="exercise-saved">
            {done}
          </Notice>
        ) : null}
        {archive.error ? <Notice tone="danger">{archive.error.message}</Notice> : null}
        {isError ? (
          <Notice tone="danger">
            The exercises did not refresh.{" "}
            <button type="button" className="min-h-11 underline" onClick={() => refetch()}>
              Try again
            </button>
          </Notice>
        ) : null}
      </div>
      {data.length === 0 ? (
        <EmptyState title="No exercise matches these filters">Try another tool or a wider body region.</EmptyState>
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="Exercises">
          {data.map((e) => (
            <ExerciseCard
              key={e.id}
              exercise={e}
              canWrite={canWrite}
              busy={archive.isPending && archive.variables?.id === e.clinicExerciseId}
              onEdit={() => {
                setDone(null);
                setEditing(e);
              }}
              onArchive={(archived) => archive.mutate({ id: e.clinicExerciseId!, archived })}
            />
          ))}
        </ul>
      )}
      {editing ? (
        <ExerciseDialog
          exercise={editing === "new" ? null : editing}
          muscles={muscles}
          onSaved={(e) => {
            setEditing(null);
            setDone(`Saved “${e.name}”.`);
          }}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
