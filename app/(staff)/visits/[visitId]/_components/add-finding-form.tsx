"use client";
import "@/app/_lib/zod-browser";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { zodResolver } from "@hookform/resolvers/zod";
import { createFindingBody, type MuscleDto } from "@/lib/clinical/schemas";
import { Button } from "@/app/_components/ui/button";
import { SelectField } from "@/app/_components/ui/field";
import type { NewFinding } from "./use-finding-mutations";
import { labelWithSide } from "@/lib/clinical/rules/point-label";

// The muscle is chosen from the list (library or clinic: which one becomes muscleId or clinicMuscleId).
const addFindingForm = z.object({
  muscle: z.string().min(1, "Choose a muscle."),
  side: createFindingBody.shape.side,
});
type AddFindingValues = z.input<typeof addFindingForm>;

/**
 * Placing a point without the pointer: choose muscle and side; the mark goes to the
 * muscle's typical site (mirrored for the left), and can then be nudged with the arrow keys.
 */
export function AddFindingForm({
  muscles,
  onAdd,
  busy,
  initialMuscleId,
  initialSide = "right",
}: {
  muscles: MuscleDto[];
  onAdd: (f: NewFinding) => void;
  busy: boolean;
  initialMuscleId?: string;
  initialSide?: "left" | "right" | "midline";
}) {
  const form = useForm<AddFindingValues>({
    resolver: zodResolver(addFindingForm),
    defaultValues: { muscle: initialMuscleId ?? muscles[0]?.id ?? "", side: initialSide },
  });
  const e = form.formState.errors;
  return (
    <form
      className="grid gap-3 sm:grid-cols-[1fr_auto_auto] sm:items-end"
      aria-label="Add a finding"
      noValidate
      onSubmit={form.handleSubmit(({ muscle: chosen, side }) => {
        const muscle = muscles.find((m) => m.id === chosen);
        if (!muscle) return;
        const site = muscle.triggerPoints.find((tp) => tp.approx);
        const approx = site?.approx ?? { view: "back" as const, x: 0.5, y: 0.3 };
        const x = side === "left" && muscle.sideApplicable ? 1 - approx.x : approx.x;
        const pointSide = muscle.sideApplicable ? side : "midline";
        onAdd({
          view: approx.view,
          x,
          y: approx.y,
          side: pointSide,
          label: labelWithSide(site?.label ?? "", pointSide),
          type: "latent",
          muscleName: muscle.name,
          ...(muscle.source === "clinic" ? { clinicMuscleId: muscle.id } : { muscleId: muscle.id }),
        });
      })}
    >
      <SelectField id="add-finding-muscle" label="Muscle" error={e.muscle?.message} {...form.register("muscle")}>
        {muscles.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </SelectField>
      <SelectField label="Side" error={e.side?.message} {...form.register("side")}>
        <option value="right">Right</option>
        <option value="left">Left</option>
        <option value="midline">Midline</option>
      </SelectField>
      <Button type="submit" variant="secondary" busy={busy}>
        Add finding
      </Button>
    </form>
  );
}
