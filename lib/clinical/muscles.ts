import "server-only";
import { and, asc, isNull } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { clinicMuscles, muscles } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import type { createClinicMuscleBody, MuscleDto } from "./schemas";

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

/** Adds a muscle to the clinic's own library; the shared library is never changed. */
export async function createClinicMuscle(db: Db, actor: Actor, input: z.output<typeof createClinicMuscleBody>) {
  assertCan(actor, "muscles.write");
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(clinicMuscles)
      .values({ clinicId: actor.clinicId, ...input })
      .returning({ id: clinicMuscles.id });
    await recordEvent(tx, actor, { action: "muscle.created", entityType: "clinic_muscle", entityId: row!.id });
    return { id: row!.id };
  });
}
