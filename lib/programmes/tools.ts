import { defaultTechnique } from "./dosage";
import type { SmrExercise, ToolId } from "./reference";

/*
 * The client's own tools drive the builder: exercises they can do at home come first, and an
 * exercise needing a tool they lack gets a substitute for the same muscle(s) with a tool they have.
 */

/** Everyone has hands, so hand techniques never need a tool on the client's list. */
export function ownsTool(tool: ToolId, ownedTools: Iterable<ToolId>): boolean {
  return tool === "hands" || new Set(ownedTools).has(tool);
}

export interface RankedExercise {
  exercise: SmrExercise;
  owned: boolean;
}

/** Exercises for owned tools first; otherwise the given (library) order is kept, so ranking is stable. */
export function rankExercisesForTools(
  exercises: readonly SmrExercise[],
  ownedTools: Iterable<ToolId>,
): RankedExercise[] {
  const owned = new Set(ownedTools);
  return exercises
    .map((exercise, index) => ({ exercise, owned: ownsTool(exercise.tool, owned), index }))
    .sort((a, b) => Number(b.owned) - Number(a.owned) || a.index - b.index)
    .map(({ exercise, owned: o }) => ({ exercise, owned: o }));
}

export interface SubstituteCandidate {
  exercise: SmrExercise;
  sharedMuscles: string[];
  /** Target muscles of the original that the substitute does not reach. */
  missingMuscles: string[];
}

export interface SubstituteOptions {
  /** E.g. `(ex) => screenExercise(ex, precautions).verdict !== "block"`, so a substitute is never unsafe. */
  isAllowed?: (exercise: SmrExercise) => boolean;
}

/**
 * Exercises with an owned tool sharing at least one target muscle, best first: most shared muscles,
 * then fewest extra muscles (a narrower substitute stays closer to the prescription), then the same
 * technique (a hold stays a hold), then library order.
 */
export function substituteCandidates(
  exercise: SmrExercise,
  ownedTools: Iterable<ToolId>,
  library: readonly SmrExercise[],
  options: SubstituteOptions = {},
): SubstituteCandidate[] {
  const owned = new Set(ownedTools);
  const targets = new Set(exercise.target_muscles);
  const technique = defaultTechnique(exercise);
  return library
    .map((candidate, index) => {
      const shared = candidate.target_muscles.filter((m) => targets.has(m));
      return {
        candidate,
        index,
        shared,
        extra: candidate.target_muscles.length - shared.length,
        sameTechnique: defaultTechnique(candidate) === technique,
      };
    })
    .filter(
      (c) =>
        c.candidate.id !== exercise.id &&
        c.shared.length > 0 &&
        ownsTool(c.candidate.tool, owned) &&
        (options.isAllowed?.(c.candidate) ?? true),
    )
    .sort(
      (a, b) =>
        b.shared.length - a.shared.length ||
        a.extra - b.extra ||
        Number(b.sameTechnique) - Number(a.sameTechnique) ||
        a.index - b.index,
    )
    .map((c) => ({
      exercise: c.candidate,
      sharedMuscles: c.shared,
      missingMuscles: exercise.target_muscles.filter((m) => !c.shared.includes(m)),
    }));
}

/**
 * A substitute for an exercise whose tool the client lacks, or null when none shares a target muscle.
 * Also null when the client already owns the tool: there is nothing to substitute.
 */
export function suggestSubstitute(
  exercise: SmrExercise,
  ownedTools: Iterable<ToolId>,
  library: readonly SmrExercise[],
  options: SubstituteOptions = {},
): SmrExercise | null {
  const owned = new Set(ownedTools);
  if (ownsTool(exercise.tool, owned)) return null;
  return substituteCandidates(exercise, owned, library, options)[0]?.exercise ?? null;
}
