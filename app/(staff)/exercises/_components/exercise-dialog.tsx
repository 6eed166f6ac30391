"use client";
import { Dialog } from "radix-ui";
import type { ExerciseDto } from "@/lib/programmes/exercises/schemas";
import { ExerciseForm } from "./exercise-form";
import type { MuscleOption } from "./muscle-picker";

/** The add/edit form in a modal dialog: focus is trapped inside and Escape closes it. */
export function ExerciseDialog({
  exercise,
  muscles,
  onSaved,
  onClose,
}: {
  exercise: ExerciseDto | null;
  muscles: MuscleOption[];
  onSaved: (e: ExerciseDto) => void;
  onClose: () => void;
}) {
  return (
    <Dialog.Root
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
    >
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 bg-black/30" />
        <Dialog.Content className="fixed left-1/2 top-1/2 max-h-[92vh] w-[min(48rem,calc(100vw-2rem))] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-6 shadow-xl">
          <Dialog.Title className="text-lg font-semibold text-ink">
            {exercise ? `Edit “${exercise.name}”` : "Add a clinic exercise"}
          </Dialog.Title>
          <Dialog.Description className="mb-4 mt-1 text-sm text-muted">
            Your clinic&apos;s own exercise, offered alongside the shared library when you build a home programme.
          </Dialog.Description>
          <ExerciseForm exercise={exercise} muscles={muscles} onSaved={onSaved} onCancel={onClose} />
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
