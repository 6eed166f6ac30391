import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { visits } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { getClientOrThrow } from "@/lib/clients/records/get-client-or-throw";
import { findingsOfVisits } from "./visits/visit-rows";

export const chartHistoryDto = z.object({
  visits: z.array(z.object({ id: z.uuid(), startedAt: z.string(), signed: z.boolean() })),
  points: z.array(
    z.object({
      triggerPointId: z.uuid(),
      muscleId: z.string().nullable(),
      muscleName: z.string(),
      side: z.enum(["left", "right", "midline"]),
      label: z.string(),
      findings: z.array(
        z.object({
          visitId: z.uuid(),
          startedAt: z.string(),
          view: z.enum(["front", "back"]),
          x: z.number(),
          y: z.number(),
          type: z.enum(["active", "latent"]),
          status: z.string().nullable(),
          tenderness: z.number().nullable(),
          pptKpaMean: z.number().nullable(),
        }),
      ),
    }),
  ),
});
export type ChartHistory = z.infer<typeof chartHistoryDto>;

/**
 * All findings across the client's last `limit` visits, grouped by trigger point (oldest
 * visit first), for the density view, the visit slider and per-point trajectories.
 */
export async function getChartHistory(db: Db, actor: Actor, clientId: string, limit: number): Promise<ChartHistory> {
  assertCan(actor, "clinical.read");
  await getClientOrThrow(db, actor, clientId);
  const recent = await db
    .select({ id: visits.id, startedAt: visits.startedAt, signedAt: visits.signedAt })
    .from(visits)
    .where(and(clinicScope(actor, visits), eq(visits.clientId, clientId)))
    .orderBy(desc(visits.startedAt))
    .limit(limit);
  const ordered = [...recent].reverse();
  const startedAt = new Map(ordered.map((v) => [v.id, v.startedAt.toISOString()]));
  const rows = await findingsOfVisits(
    db,
    actor,
    ordered.map((v) => v.id),
  );
  const points = new Map<string, ChartHistory["points"][number]>();
  for (const r of rows) {
    const p = points.get(r.triggerPointId) ?? {
      triggerPointId: r.triggerPointId,
      muscleId: r.muscleId ?? r.clinicMuscleId,
      muscleName: r.muscleName,
      side: r.side,
      label: r.label,
      findings: [],
    };
    p.findings.push({
      visitId: r.visitId,
      startedAt: startedAt.get(r.visitId)!,
      view: r.view,
      x: r.x,
      y: r.y,
      type: r.type,
      status: r.status,
      tenderness: r.tenderness,
      pptKpaMean: r.pptKpaMean,
    });
    points.set(r.triggerPointId, p);
  }
  for (const p of points.values()) p.findings.sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return {
    visits: ordered.map((v) => ({ id: v.id, startedAt: v.startedAt.toISOString(), signed: v.signedAt !== null })),
    points: [...points.values()],
  };
}
