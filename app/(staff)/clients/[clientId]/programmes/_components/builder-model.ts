import { GUIDANCE } from "@/lib/programmes/dosage";
import type { PortalDosage } from "@/lib/programmes/portal-schemas";
import type { BuilderData, ExerciseOption, ProgrammeItemDto, ProgrammeItemInput } from "@/lib/programmes/schemas";

/*
 * The builder's form state and its pure rules (browser-side; the server checks everything again).
 * Nothing from lib/programmes/reference: it would pull the reference data into the bundle.
 */

export type Technique = PortalDosage["technique"];
export type DosageNumberField =
  "intensity" | "secondsPerSpot" | "secondsPerMuscle" | "spots" | "passes" | "sets" | "restSeconds" | "sessionsPerDay";

export interface BuilderItem {
  /** Stable React key while items move. */
  uid: string;
  exerciseKey: string;
  dosage: PortalDosage;
  overrideReason: string;
  note: string;
  triggerPointId: string;
}

let counter = 0;
const uid = () => `item-${++counter}-${Math.random().toString(36).slice(2, 7)}`;

/** A new item with the library's default dosage, linked to a trigger point when one was suggested. */
export function newItem(option: ExerciseOption, triggerPointId = ""): BuilderItem {
  return {
    uid: uid(),
    exerciseKey: option.key,
    dosage: { ...option.defaultDosage, daysOfWeek: [...option.defaultDosage.daysOfWeek] },
    overrideReason: "",
    note: "",
    triggerPointId,
  };
}

/** An item of the version being revised, as it was prescribed. */
export function itemFromVersion(i: ProgrammeItemDto): BuilderItem {
  return {
    uid: uid(),
    exerciseKey: i.exerciseKey,
    dosage: { ...i.dosage },
    overrideReason: i.overrideReason ?? "",
    note: i.note,
    triggerPointId: i.triggerPointId ?? "",
  };
}

/** Technique change: keep what still applies, fill what the new technique needs from the defaults. */
export function switchTechnique(d: PortalDosage, technique: Technique, option: ExerciseOption): PortalDosage {
  const [holdLo, holdHi] = option.safeRanges.secondsPerSpot ?? [30, 90];
  const [muscleLo, muscleHi] = option.safeRanges.secondsPerMuscle ?? [30, 120];
  const base = {
    ...d,
    technique,
    secondsPerSpot: undefined,
    spots: undefined,
    secondsPerMuscle: undefined,
    passes: undefined,
  };
  if (technique === "sustained_pressure") {
    return {
      ...base,
      secondsPerSpot: d.secondsPerSpot ?? option.defaultDosage.secondsPerSpot ?? Math.round((holdLo + holdHi) / 2),
      spots: d.spots ?? 2,
    };
  }
  return {
    ...base,
    secondsPerMuscle:
      d.secondsPerMuscle ?? option.defaultDosage.secondsPerMuscle ?? Math.round((muscleLo + muscleHi) / 2),
  };
}

/** Values above the exercise's safe ranges (same fields and ranges as the server's checkDosage). */
export function aboveSafeRange(d: PortalDosage, option: ExerciseOption): string[] {
  const r = option.safeRanges;
  const checks: [string, number | undefined, [number, number] | undefined][] = [
    ["Intensity", d.intensity, r.intensity],
    ["Hold per spot", d.technique === "sustained_pressure" ? d.secondsPerSpot : undefined, r.secondsPerSpot],
    ["Time per muscle", d.technique !== "sustained_pressure" ? d.secondsPerMuscle : undefined, r.secondsPerMuscle],
    ["Sets", d.sets, r.sets],
    ["Spots", d.technique === "sustained_pressure" ? d.spots : undefined, r.spots],
    [
      "Massage-gun time",
      d.technique === "percussion" && d.secondsPerMuscle !== undefined ? d.secondsPerMuscle * d.sets : undefined,
      r.percussionSecondsPerSession,
    ],
  ];
  return checks.flatMap(([label, value, range]) =>
    value !== undefined && range && value > range[1] ? [`${label} ${value} is above ${range[0]}–${range[1]}`] : [],
  );
}

/** The request body's items; the override goes only with a value above the safe range. */
export function toItemInputs(
  items: readonly BuilderItem[],
  options: ReadonlyMap<string, ExerciseOption>,
): ProgrammeItemInput[] {
  return items.map((i) => {
    const option = options.get(i.exerciseKey);
    const needsOverride = option ? aboveSafeRange(i.dosage, option).length > 0 : false;
    const clean = Object.fromEntries(
      Object.entries(i.dosage).filter(([, v]) => v !== undefined && !(typeof v === "number" && Number.isNaN(v))),
    );
    return {
      exerciseKey: i.exerciseKey,
      dosage: clean as ProgrammeItemInput["dosage"],
      override: needsOverride ? { reason: i.overrideReason } : null,
      note: i.note,
      triggerPointId: i.triggerPointId || null,
    };
  });
}

/** Whole-programme advice shown while building (the server's programmeWarnings, the parts that matter live). */
export function builderWarnings(
  items: readonly BuilderItem[],
  options: ReadonlyMap<string, ExerciseOption>,
  limit: number,
): string[] {
  const out: string[] = [];
  if (items.length > limit) {
    out.push(
      `This programme has ${items.length} exercises. People keep up far better with a short list, and two or three well-chosen exercises often do more than many. Consider keeping it to ${limit} or fewer.`,
    );
  }
  const seen = new Map<string, number>();
  for (const i of items) seen.set(i.exerciseKey, (seen.get(i.exerciseKey) ?? 0) + 1);
  for (const [key, n] of seen) {
    if (n > 1)
      out.push(
        `“${options.get(key)?.name ?? key}” is in the programme ${n} times; one entry with more sets or sessions is easier to follow.`,
      );
  }
  // The reference keeps a whole massage-gun session under 10–15 minutes; each item alone is checked by its range.
  const gunSeconds = items
    .filter((i) => i.dosage.technique === "percussion")
    .reduce((sum, i) => sum + (i.dosage.secondsPerMuscle ?? 0) * (i.dosage.sets ?? 1), 0);
  if (gunSeconds > GUIDANCE.percussionSecondsPerSession[1]) {
    out.push(
      `Massage-gun time adds up to about ${Math.round(gunSeconds / 60)} minutes a session; guidance keeps the whole session under 10–15 minutes.`,
    );
  }
  return out;
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x!);
  return next;
}

/** Catalogue search: words in the name, muscles or instructions; tool and body-region filters; owned tools first. */
export function searchCatalogue(
  catalogue: BuilderData["catalogue"],
  q: { text: string; tool: string; region: string },
): ExerciseOption[] {
  const words = q.text.toLowerCase().split(/\s+/).filter(Boolean);
  return catalogue
    .filter((o) => !q.tool || o.tool === q.tool)
    .filter((o) => !q.region || o.targetMuscles.some((m) => m.region === q.region))
    .filter((o) => {
      const hay = `${o.name} ${o.targetMuscles.map((m) => m.name).join(" ")} ${o.instructions}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => Number(b.owned) - Number(a.owned));
}
