import data from "@/db/seed/reference/domain-data.json";
import type { ReferenceMuscle, ReferenceRegion } from "./types";

/** The real reference seed, typed as the charting rules see it (tests only). */
export const referenceMuscles: readonly ReferenceMuscle[] = data.muscles;
export const referenceRegions: readonly ReferenceRegion[] = data.regions;
export const referenceCoordinates = data.meta.coordinates;

export function muscle(id: string): ReferenceMuscle {
  const found = referenceMuscles.find((m) => m.id === id);
  if (!found) throw new Error(`No reference muscle ${id}`);
  return found;
}

export function trp(muscleId: string, label: string) {
  const found = muscle(muscleId).trigger_points.find((t) => t.label === label);
  if (!found) throw new Error(`No trigger point ${label} on ${muscleId}`);
  return found.approx;
}
