import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { muscles, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { displayName } from "@/lib/clients/format";
import { exerciseCatalogue, type CatalogueExercise } from "@/lib/programmes/exercises/catalogue";
import { findingsOfVisits } from "@/lib/clinical/visits/visit-rows";
import { defaultDosage, safeRanges, TECHNIQUES_BY_TOOL } from "./dosage";
import { clientFacts, clinicToday, pointLabel, programmeSettings } from "./load";
import { AVOID_SITES, PRECAUTIONS, RED_FLAGS, screenExercise, type ScreenResult } from "./precautions";
import { clinicianStopRulesFor, GENTLE_ITEM_LIMIT, PRESSURE_SCALE, stopRulesFor } from "./programme-rules";
import type { BuilderData, ExerciseOption } from "./schemas";
import { ownsTool, rankExercisesForTools, suggestSubstitute } from "./tools";

const PRECAUTION_LABEL = new Map<string, string>(PRECAUTIONS.map((p) => [p.id, p.label]));

/**
 * What the programme builder needs for one client: the whole catalogue screened against their
 * precautions and tools, and suggestions first for the muscles with active trigger points at
 * their latest visit, then latent ones (exercises for tools they own ahead of the rest).
 */
export async function builderData(db: Db, actor: Actor, clientId: string): Promise<BuilderData> {
  assertCan(actor, "programmes.write");
  const client = await getClientOrThrow(db, actor, clientId);
  const [catalogue, facts, settings, [latestVisit], muscleRows] = await Promise.all([
    exerciseCatalogue(db, actor),
    clientFacts(db, actor, clientId),
    programmeSettings(db, actor),
    db
      .select({ id: visits.id, startedAt: visits.startedAt })
      .from(visits)
      .where(and(clinicScope(actor, visits), eq(visits.clientId, clientId)))
      .orderBy(desc(visits.startedAt), desc(visits.createdAt))
      .limit(1),
    db.select({ id: muscles.id, name: muscles.name, region: muscles.region }).from(muscles),
  ]);
  const muscleById = new Map(muscleRows.map((m) => [m.id, m]));
  const found = latestVisit ? await findingsOfVisits(db, actor, [latestVisit.id]) : [];
  const current = found.filter((f) => f.status !== "resolved");
  const pointsOf = (type: "active" | "latent") => current.filter((f) => f.type === type && f.muscleId);
  const active = pointsOf("active");
  const latent = pointsOf("latent");

  const screens = new Map<string, ScreenResult>(catalogue.map((e) => [e.id, screenExercise(e, facts.precautions)]));
  const option = (e: CatalogueExercise): ExerciseOption => {
    const substitute = suggestSubstitute(e, facts.tools, catalogue, {
      isAllowed: (c) => screens.get(c.id)?.verdict !== "block",
    });
    return {
      key: e.id,
      name: e.name,
      tool: e.tool,
      source: e.source,
      targetMuscles: e.target_muscles.map(
        (id) => muscleById.get(id) ?? { id, name: id.replaceAll("_", " "), region: "" },
      ),
      instructions: e.instructions,
      cautions: e.cautions,
      stopRules: stopRulesFor(e),
      stopRulesClinician: clinicianStopRulesFor(e),
      techniques: [...TECHNIQUES_BY_TOOL[e.tool]],
      defaultDosage: defaultDosage(e),
      safeRanges: Object.fromEntries(
        Object.entries(safeRanges(e)).map(([k, [lo, hi]]) => [k, [lo, hi] as [number, number]]),
      ),
      owned: ownsTool(e.tool, facts.tools),
      screen: screens.get(e.id)!,
      substitute: substitute ? { key: substitute.id, name: substitute.name, tool: substitute.tool } : null,
    };
  };

  // Active points first (the client's own pain); latent ones after, as a therapist may treat them too.
  // Within each, exercises reaching more of those muscles first, then owned tools first (stable).
  const suggest = (basis: "active" | "latent", points: typeof active, skip: Set<string>) => {
    const muscles = new Set(points.map((f) => f.muscleId!));
    const hits = (e: CatalogueExercise) => e.target_muscles.filter((m) => muscles.has(m));
    const matching = catalogue
      .filter((e) => !skip.has(e.id) && hits(e).length > 0)
      .sort((a, b) => hits(b).length - hits(a).length);
    return rankExercisesForTools(matching, facts.tools).map(({ exercise: e }) => ({
      key: e.id,
      basis,
      matchedMuscles: hits(e as CatalogueExercise).map((m) => muscleById.get(m)?.name ?? m),
      triggerPointIds: points.filter((f) => e.target_muscles.includes(f.muscleId!)).map((f) => f.triggerPointId),
    }));
  };
  const fromActive = suggest("active", active, new Set());
  const suggestions = [...fromActive, ...suggest("latent", latent, new Set(fromActive.map((s) => s.key)))];

  return {
    clientId,
    clientName: displayName(client),
    wording: settings.wording,
    today: clinicToday(actor),
    gentleItemLimit: GENTLE_ITEM_LIMIT,
    ownedTools: facts.tools,
    precautions: facts.precautions.map((p) => ({ id: p.id, label: PRECAUTION_LABEL.get(p.id) ?? p.id })),
    latestVisit: latestVisit ? { id: latestVisit.id, startedAt: latestVisit.startedAt.toISOString() } : null,
    suggestions,
    catalogue: catalogue.map(option),
    pressureScale: {
      bands: PRESSURE_SCALE.bands.map(({ label, text }) => ({ label, text })),
      basis: PRESSURE_SCALE.basis,
    },
    safetyLists: { redFlags: [...RED_FLAGS], avoidSites: [...AVOID_SITES] },
    triggerPoints: current.map((f) => ({
      id: f.triggerPointId,
      muscleId: f.muscleId,
      type: f.type,
      label: `${pointLabel({ muscle: f.muscleName, side: f.side, label: f.label })} (${f.type})`,
    })),
  };
}
