import "server-only";
import { and, asc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicMuscles, muscles } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import type { MuscleDto } from "./schemas";

/** The shared library plus the clinic's own muscles, by name. */
export async function listMuscles(db: Db, actor: Actor): Promise<MuscleDto[]> {
  assertCan(actor, "muscles.read");
  const [lib, own] = await Promise.all([
    db.select().from(muscles).orderBy(asc(muscles.name)),
    db
      .select()
      .from(clinicMuscles)
      .where(and(clinicScope(actor, clinicMuscles), isNull(clinicMuscles.archivedAt)))
      .orderBy(asc(clinicMuscles.name)),
  ]);
  const all: MuscleDto[] = [
    ...lib.map((m) => ({
      id: m.id,
      source: "library" as const,
      name: m.name,
      region: m.region,
      sideApplicable: m.sideApplicable,
      triggerPoints: m.triggerPoints,
      referralZones: m.referralZones,
      referralNote: m.referralNote,
      cautions: m.cautions,
    })),
    ...own.map((m) => ({
      id: m.id,
      source: "clinic" as const,
      name: m.name,
      region: m.region,
      sideApplicable: m.sideApplicable,
      triggerPoints: m.triggerPoints,
      referralZones: m.referralZones,
      referralNote: m.referralNote,
      cautions: [],
    })),
  ];
  return all.sort((a, b) => a.name.localeCompare(b.name));
}
