"use client";
import Image from "next/image";
import type { ExerciseDto } from "@/lib/programmes/exercises/schemas";
import { TOOL_LABEL } from "@/lib/programmes/tool-labels";
import { Badge } from "@/app/_components/ui/feedback";
import { Button } from "@/app/_components/ui/button";
import { Confirm } from "@/app/_components/ui/confirm";
import { dosageText, stepsOf } from "./exercise-text";

/** One exercise of the library or the clinic's own, with edit/archive for clinic exercises. */
export function ExerciseCard({
  exercise: e,
  canWrite,
  busy,
  onEdit,
  onArchive,
}: {
  exercise: ExerciseDto;
  canWrite: boolean;
  busy: boolean;
  onEdit: () => void;
  onArchive: (archived: boolean) => void;
}) {
  const steps = stepsOf(e.instructions);
  const manage = canWrite && e.source === "clinic";
  return (
    <li className={`rounded-lg border border-line bg-white p-4 ${e.archived ? "opacity-80" : ""}`}>
      <div className="flex gap-4">
        {e.imageUrl ? (
          <Image
            src={e.imageUrl}
            alt={`Picture for ${e.name}`}
            width={80}
            height={80}
            unoptimized
            className="size-20 shrink-0 rounded-md border border-line object-cover"
          />
        ) : null}
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h2 className="font-semibold">{e.name}</h2>
            <Badge tone="info">{TOOL_LABEL[e.tool] ?? e.tool}</Badge>
            {e.source === "clinic" ? <Badge tone="success">Clinic</Badge> : null}
            {e.archived ? <Badge tone="warning">Archived</Badge> : null}
          </div>
          <p className="mt-1 text-sm text-muted">Targets {e.targetMuscles.map((m) => m.name).join(", ")}</p>
          <p className="tabular mt-1 text-sm">{dosageText(e.dosage)}</p>
        </div>
      </div>
      <details className="mt-2 text-sm">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-accent-700">
          Instructions and cautions
        </summary>
        {steps.length > 1 ? (
          <ol className="list-decimal space-y-1 pl-5 leading-relaxed">
            {steps.map((s, i) => (
              <li key={i}>{s}</li>
            ))}
          </ol>
        ) : (
          <p className="leading-relaxed">{e.instructions}</p>
        )}
        <ul className="mt-2 list-disc space-y-1 pl-5 text-danger">
          {e.cautions.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
      {manage ? (
        <div className="mt-3 flex flex-wrap gap-2">
          <Button variant="secondary" onClick={onEdit} aria-label={`Edit ${e.name}`}>
            Edit
          </Button>
          {e.archived ? (
            <Button variant="ghost" busy={busy} onClick={() => onArchive(false)} aria-label={`Restore ${e.name}`}>
              Restore
            </Button>
          ) : (
            <Confirm
              trigger={
                <Button variant="ghost" busy={busy} aria-label={`Archive ${e.name}`}>
                  Archive
                </Button>
              }
              title={`Archive “${e.name}”?`}
              description="It leaves the library and the programme builder. Programmes that already include it keep it as prescribed. You can restore it later."
              confirmLabel="Archive"
              onConfirm={() => onArchive(true)}
            />
          )}
        </div>
      ) : null}
    </li>
  );
}
