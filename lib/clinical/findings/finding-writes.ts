import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicMuscles, muscles, visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { conflict, invalid, notFound } from "@/lib/errors";
import { meanKpa, meetsConsensus2of3, toKpa } from "@/lib/clinical/rules/ppt";

// What writing a finding shares: the draft visit it must be on, the muscle check and the derived values.

const LOCKED = "This visit is signed and locked. Add an amendment to correct it.";

/** The derived values, always recomputed from the raw inputs (never trusted from the client). */
export function derived(f: {
  tautBand: boolean;
  referredPain: boolean;
  tenderness: number | null;
  pptTrials: { value: number; unit: "kgf/cm2" | "N/cm2" | "lbf/in2" | "kPa" }[];
}) {
  const mean = meanKpa(f.pptTrials.map((t) => toKpa(t.value, t.unit)));
  return {
    pptKpaMean: mean === null ? null : Math.round(mean * 10) / 10,
    meetsConsensus: meetsConsensus2of3({
      tautBand: f.tautBand,
      spotTenderness: (f.tenderness ?? 0) > 0,
      referredPain: f.referredPain,
    }),
  };
}

export async function draftVisitOrThrow(tx: Db, actor: Actor, visitId: string) {
  const [v] = await tx
    .select({ id: visits.id, clientId: visits.clientId, signedAt: visits.signedAt })
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.id, visitId)))
    .for("update");
  if (!v) throw notFound("That visit");
  if (v.signedAt) throw conflict(LOCKED);
  return v;
}

export async function assertMuscle(
  tx: Db,
  actor: Actor,
  m: { muscleId?: string | null; clinicMuscleId?: string | null },
) {
  if (m.muscleId) {
    const [row] = await tx.select({ id: muscles.id }).from(muscles).where(eq(muscles.id, m.muscleId));
    if (!row) throw invalid("Choose a muscle from the library.", { muscleId: ["Choose a muscle from the library."] });
  } else if (m.clinicMuscleId) {
    const [row] = await tx
      .select({ id: clinicMuscles.id })
      .from(clinicMuscles)
      .where(and(clinicScope(actor, clinicMuscles), eq(clinicMuscles.id, m.clinicMuscleId)));
    if (!row)
      throw invalid("Choose a muscle from the library.", { clinicMuscleId: ["Choose a muscle from the library."] });
  }
}
