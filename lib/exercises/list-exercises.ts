import "server-only";
import { and, arrayOverlaps, asc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { containsPattern } from "@/lib/sql-like";
import { muscles, smrExercises } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/scopes";

export { TOOL_IDS as TOOLS } from "@/lib/programmes/reference";
import { TOOL_IDS } from "@/lib/programmes/reference";

export const listExercisesQuery = z.object({
  q: z.string().trim().max(100).optional(),
  tool: z.enum(TOOL_IDS).optional(),
  muscle: z.string().max(80).optional(),
  region: z.string().max(60).optional(),
});

export const exerciseDto = z.object({
  id: z.string(),
  name: z.string(),
  tool: z.string(),
  targetMuscles: z.array(z.object({ id: z.string(), name: z.string(), region: z.string() })),
  instructions: z.string(),
  dosage: z.record(z.string(), z.unknown()),
  cautions: z.array(z.string()),
});
export type ExerciseDto = z.infer<typeof exerciseDto>;

/** The SMR library, searchable by words and filtered by tool, target muscle or body region. */
export async function listExercises(db: Db, actor: Actor, q: z.output<typeof listExercisesQuery>): Promise<ExerciseDto[]> {
  assertCan(actor, "muscles.read");
  const library = await db.select({ id: muscles.id, name: muscles.name, region: muscles.region }).from(muscles);
  const byId = new Map(library.map((m) => [m.id, m]));
  const inRegion = q.region ? library.filter((m) => m.region === q.region).map((m) => m.id) : null;
  const conditions: (SQL | undefined)[] = [
    q.tool ? eq(smrExercises.tool, q.tool) : undefined,
    q.muscle ? arrayOverlaps(smrExercises.targetMuscles, [q.muscle]) : undefined,
    inRegion ? (inRegion.length ? arrayOverlaps(smrExercises.targetMuscles, inRegion) : eq(smrExercises.id, "")) : undefined,
    q.q ? or(ilike(smrExercises.name, containsPattern(q.q)), ilike(smrExercises.instructions, containsPattern(q.q))) : undefined,
  ];
  const rows = await db.select().from(smrExercises).where(and(...conditions)).orderBy(asc(smrExercises.name));
  return rows.map((r) => ({
    id: r.id, name: r.name, tool: r.tool, instructions: r.instructions, dosage: r.dosage, cautions: r.cautions,
    targetMuscles: r.targetMuscles.map((id) => byId.get(id) ?? { id, name: id, region: "" }),
  }));
}

/** Regions that have exercises, for the filter. */
export async function exerciseRegions(db: Db): Promise<string[]> {
  const rows = await db.selectDistinct({ region: muscles.region }).from(muscles).orderBy(asc(muscles.region));
  return rows.map((r) => r.region);
}

