import "@/app/_lib/zod-browser";
import { z } from "zod";
import { createProgrammeBody, reviseProgrammeBody, type ExerciseOption } from "@/lib/programmes/schemas";
import { toItemInputs, type BuilderItem } from "./builder-model";

/** What the builder holds while editing: the programme's fields as typed, and its items. */
export interface BuilderValues {
  title: string;
  startDate: string;
  endDate: string;
  notes: string;
  changeNote: string;
  items: BuilderItem[];
}

export type ProgrammeBody = z.output<typeof createProgrammeBody> | z.output<typeof reviseProgrammeBody>;

/**
 * The builder's values, checked as the request they become (create, or revise from `version`):
 * the errors carry the request's paths (items.N.dosage.sets), as the server's field errors do.
 */
export function builderSchema(
  options: ReadonlyMap<string, ExerciseOption>,
  revising: number | null,
): z.ZodType<ProgrammeBody, BuilderValues> {
  const toBody = (v: BuilderValues): z.input<typeof createProgrammeBody> => ({
    title: v.title,
    startDate: v.startDate,
    endDate: v.endDate || null,
    notes: v.notes,
    items: toItemInputs(v.items, options),
  });
  const values = z.custom<BuilderValues>();
  return revising === null
    ? values.transform(toBody).pipe(createProgrammeBody)
    : values
        .transform((v): z.input<typeof reviseProgrammeBody> => ({
          ...toBody(v),
          version: revising,
          changeNote: v.changeNote,
        }))
        .pipe(reviseProgrammeBody);
}

/** Field errors by dotted path (items.0.dosage.sets), as the item editors read them. */
export function flatErrors(node: unknown, path = "", out: Record<string, string[]> = {}): Record<string, string[]> {
  if (!node || typeof node !== "object") return out;
  const entry = node as Record<string, unknown>;
  if (typeof entry.message === "string" && entry.message) out[path] = [entry.message];
  for (const [key, child] of Object.entries(entry)) {
    if (key === "message" || key === "type" || key === "types" || key === "ref") continue;
    flatErrors(child, key === "root" ? path : path ? `${path}.${key}` : key, out);
  }
  return out;
}
