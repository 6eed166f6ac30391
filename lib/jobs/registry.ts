import "server-only";
import type { JobDefinition } from "./define";

/**
 * Every job type the app has, by name: a worker runs only jobs it finds here (an unknown name
 * is a deploy mismatch and dies with a clear error instead of being retried forever).
 * Add a job by importing its definition and listing it below.
 */
const all: JobDefinition<never, never>[] = [];

export type JobRegistry = ReadonlyMap<string, JobDefinition<never, never>>;

/** Builds a registry from definitions, refusing two jobs with one name. */
export function makeRegistry(defs: readonly JobDefinition<never, never>[]): JobRegistry {
  const map = new Map<string, JobDefinition<never, never>>();
  for (const def of defs) {
    if (map.has(def.name)) throw new Error(`Two jobs are named ${def.name}`);
    map.set(def.name, def);
  }
  return map;
}

export const jobRegistry: JobRegistry = makeRegistry(all);
