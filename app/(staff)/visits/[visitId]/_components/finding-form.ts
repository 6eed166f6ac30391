import "@/app/_lib/zod-browser";
import { z } from "zod";
import { updateFindingBody, type FindingDto, type MuscleDto } from "@/lib/clinical/schemas";
import { PRESSURE_UNITS, type PressureUnit } from "@/lib/clinical/rules/ppt";
import type { FindingChanges } from "./use-finding-mutations";

const body = updateFindingBody.shape;
const trial = body.pptTrials.unwrap().element;

/**
 * The finding editor's form: the update's own fields, with the muscle as chosen from the list,
 * tenderness as typed, and up to three algometer trials as typed in one unit. Each typed trial
 * is checked as the request's trial is (a reading implausible in the unit names the likely slip).
 */
export const findingForm = z
  .object({
    muscle: z.string(),
    side: body.side.unwrap(),
    label: body.label.unwrap(),
    type: body.type.unwrap(),
    tautBand: body.tautBand.unwrap(),
    localTwitch: body.localTwitch.unwrap(),
    referredPain: body.referredPain.unwrap(),
    referralRegions: body.referralRegions.unwrap(),
    tenderness: z
      .string()
      .transform((t) => (t.trim() === "" ? null : Number(t)))
      .pipe(body.tenderness.unwrap()),
    trials: z.array(z.string()),
    unit: z.enum(PRESSURE_UNITS),
    treatment: body.treatment.unwrap(),
    response: body.response.unwrap(),
    note: body.note.unwrap(),
  })
  .superRefine((v, ctx) => {
    v.trials.forEach((t, i) => {
      if (t.trim() === "") return;
      for (const issue of trial.safeParse({ value: Number(t), unit: v.unit }).error?.issues ?? [])
        ctx.addIssue({ code: "custom", path: ["trials", i], message: issue.message });
    });
  });
export type FindingInput = z.input<typeof findingForm>;
export type FindingValues = z.output<typeof findingForm>;

export function findingDefaults(finding: FindingDto, pressureUnit: PressureUnit): FindingInput {
  return {
    muscle: finding.clinicMuscleId ?? finding.muscleId ?? "",
    side: finding.side,
    label: finding.label,
    type: finding.type,
    tautBand: finding.tautBand,
    localTwitch: finding.localTwitch,
    referredPain: finding.referredPain,
    referralRegions: finding.referralRegions,
    tenderness: finding.tenderness === null ? "" : String(finding.tenderness),
    trials: [0, 1, 2].map((i) => (finding.pptTrials[i] ? String(finding.pptTrials[i]!.value) : "")),
    unit: (finding.pptTrials[0]?.unit ?? pressureUnit) as PressureUnit,
    treatment: finding.treatment,
    response: finding.response,
    note: finding.note,
  };
}

/** The update to send: muscle and side only for a point without history (they are fixed once carried forward). */
export function findingChanges(v: FindingValues, muscles: MuscleDto[], history: boolean): FindingChanges {
  const changes: FindingChanges = {
    label: v.label,
    type: v.type,
    tautBand: v.tautBand,
    localTwitch: v.localTwitch,
    referredPain: v.referredPain,
    referralRegions: v.referredPain ? v.referralRegions : [],
    tenderness: v.tenderness,
    pptTrials: v.trials.filter((t) => t.trim() !== "").map((t) => ({ value: Number(t), unit: v.unit })),
    treatment: v.treatment,
    response: v.response,
    note: v.note,
  };
  if (!history) {
    const chosen = muscles.find((m) => m.id === v.muscle);
    changes.side = v.side;
    if (chosen?.source === "clinic") Object.assign(changes, { clinicMuscleId: chosen.id });
    else if (chosen) Object.assign(changes, { muscleId: chosen.id });
  }
  return changes;
}

/** The server's field errors (pptTrials.N.value counts only the trials sent) as the form's field names. */
export function serverFieldErrors(
  errors: Record<string, string[]>,
  trials: string[],
): [keyof FindingInput | `trials.${number}`, string][] {
  const sent = trials.flatMap((t, i) => (t.trim() === "" ? [] : [i]));
  const out: [keyof FindingInput | `trials.${number}`, string][] = [];
  for (const [key, messages] of Object.entries(errors)) {
    const message = messages[0];
    if (!message) continue;
    const trialAt = /^pptTrials\.(\d+)/.exec(key);
    if (trialAt) {
      const i = sent[Number(trialAt[1])];
      if (i !== undefined) out.push([`trials.${i}`, message]);
    } else if (key in findingForm.shape) out.push([key as keyof FindingInput, message]);
  }
  return out;
}
