import type { PalpationSide } from "./referral-search";
import type { ClientSide } from "./types";

/**
 * Where the keyboard "Add a finding" form starts, so the therapist is not dropped on the
 * alphabetically first muscle (adductors) every time: the muscle just picked from "where to
 * palpate", else the most likely one there, else the muscle of the last finding recorded at this
 * visit, else the first in the list.
 */
export function likelyMuscle(input: {
  picked?: string;
  palpate: readonly { muscleId: string; side: PalpationSide }[];
  /** This visit's findings in the order they were recorded. */
  recorded: readonly { muscleId: string | null; clinicMuscleId: string | null; side: ClientSide }[];
  available: readonly string[];
}): { muscleId: string; side: ClientSide } | null {
  const known = (id: string | null | undefined): id is string => Boolean(id) && input.available.includes(id!);
  const palpateSide = (s: PalpationSide): ClientSide => (s === "left" ? "left" : s === "midline" ? "midline" : "right");
  if (known(input.picked)) {
    const hit = input.palpate.find((c) => c.muscleId === input.picked);
    return { muscleId: input.picked, side: hit ? palpateSide(hit.side) : "right" };
  }
  const top = input.palpate.find((c) => known(c.muscleId));
  if (top) return { muscleId: top.muscleId, side: palpateSide(top.side) };
  const last = [...input.recorded].reverse().find((f) => known(f.clinicMuscleId ?? f.muscleId));
  if (last) return { muscleId: (last.clinicMuscleId ?? last.muscleId)!, side: last.side };
  return input.available[0] ? { muscleId: input.available[0], side: "right" } : null;
}
