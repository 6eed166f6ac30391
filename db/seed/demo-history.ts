import { and, eq } from "drizzle-orm";
import type { Db } from "../client";
import {
  auditEvents,
  clients,
  clinics,
  complaints,
  diaryEntries,
  findings,
  triggerPoints,
  users,
  visitPainScores,
  visits,
  type PptTrial,
} from "../schema";
import { addLocalDays, isoWeekdayOf, localDateOf, zonedInstant } from "@/lib/format/zoned";
import reference from "./reference/domain-data.json";
import { CASEY_HISTORY, SECOND_HISTORY, type SeedHistory, type SeedPoint } from "./demo-history-data";

// Plain constants rather than lib/clinical/rules imports: the seed stays free of app code. They must
// match lib/clinical/rules (template id/version, 1 kgf/cm² = 98.0665 kPa, Delphi 2-of-3).
const TEMPLATE = { templateId: "knotwork-adult-v1", templateVersion: 1 } as const;
const KPA_PER_KGF_CM2 = 98.0665;
const SESSION_MINUTES = 50;

const regionIds = new Set(reference.regions.map((r) => r.id));

/**
 * Where a point sits on the chart: the reference's approximate site for that muscle and label
 * (given for the client's right), mirrored (x → 1 − x) for the left. Throws on an unknown
 * muscle or label, so a typo fails the seed instead of charting a point in the wrong place.
 */
function siteOf(p: SeedPoint) {
  const muscle = reference.muscles.find((m) => m.id === p.muscleId);
  const site = muscle?.trigger_points.find((tp) => tp.label === p.label)?.approx;
  if (!site) throw new Error(`Demo history: no reference site for ${p.muscleId} ${p.label}`);
  return { view: site.view as "front" | "back", x: p.side === "left" ? 1 - site.x : site.x, y: site.y };
}

function assertRegions(ids: readonly string[]) {
  for (const id of ids) if (!regionIds.has(id)) throw new Error(`Demo history: unknown region "${id}"`);
}

const round1 = (n: number) => Math.round(n * 10) / 10;

async function seedOne(tx: Db, clinicId: string, timeZone: string, therapistId: string, history: SeedHistory) {
  const [client] = await tx
    .select({ id: clients.id })
    .from(clients)
    .where(and(eq(clients.clinicId, clinicId), eq(clients.email, history.clientEmail)));
  if (!client) throw new Error(`Demo history: no demo client ${history.clientEmail}`);
  const today = localDateOf(new Date(), timeZone);
  const pointIds = new Map<string, string>();
  let complaintId: string | null = null;
  if (history.complaint) {
    assertRegions(history.complaint.regions);
    const onsetDate = addLocalDays(today, -history.complaint.onsetDaysAgo);
    const [row] = await tx
      .insert(complaints)
      .values({
        clinicId,
        clientId: client.id,
        title: history.complaint.title,
        regions: [...history.complaint.regions],
        onsetDate,
        createdBy: therapistId,
        createdAt: zonedInstant(onsetDate, "12:00", timeZone),
      })
      .returning({ id: complaints.id });
    complaintId = row!.id;
  }

  for (const [visitIndex, v] of history.visits.entries()) {
    assertRegions(v.painRegions);
    // Dates move with "today", so a visit that would fall on a weekend moves back to the Friday.
    let date = addLocalDays(today, -v.daysAgo);
    while (isoWeekdayOf(date) > 5) date = addLocalDays(date, -1);
    const startedAt = zonedInstant(date, v.time, timeZone);
    const signedAt = new Date(startedAt.getTime() + SESSION_MINUTES * 60_000);
    const [visit] = await tx
      .insert(visits)
      .values({
        clinicId,
        clientId: client.id,
        therapistUserId: therapistId,
        startedAt,
        painRegions: [...v.painRegions],
        subjective: v.subjective,
        objective: v.objective,
        assessment: v.assessment,
        plan: v.plan,
        createdAt: startedAt,
        updatedAt: signedAt,
      })
      .returning({ id: visits.id });

    for (const f of v.findings) {
      const point = history.points.find((p) => p.key === f.point);
      if (!point) throw new Error(`Demo history: unknown point ${f.point}`);
      assertRegions(f.referralRegions ?? []);
      let triggerPointId = pointIds.get(point.key);
      if (!triggerPointId) {
        const [row] = await tx
          .insert(triggerPoints)
          .values({
            clinicId,
            clientId: client.id,
            muscleId: point.muscleId,
            side: point.side,
            label: point.label,
            createdAt: startedAt,
          })
          .returning({ id: triggerPoints.id });
        triggerPointId = row!.id;
        pointIds.set(point.key, triggerPointId);
      }
      const site = siteOf(point);
      const trials: PptTrial[] = f.ppt.map((value) => ({ value, unit: "kgf/cm2" }));
      const meanKpa = (f.ppt.reduce((s, t) => s + t, 0) / f.ppt.length) * KPA_PER_KGF_CM2;
      const tautBand = f.tautBand ?? true;
      const referredPain = (f.referralRegions ?? []).length > 0;
      const spotTender = (f.tenderness ?? 0) > 0;
      await tx.insert(findings).values({
        clinicId,
        visitId: visit!.id,
        triggerPointId,
        ...TEMPLATE,
        view: site.view,
        x: site.x + (f.dx ?? 0),
        y: site.y + (f.dy ?? 0),
        type: f.type,
        status: f.status,
        tautBand,
        localTwitch: f.localTwitch ?? false,
        referredPain,
        referralRegions: [...(f.referralRegions ?? [])],
        tenderness: f.tenderness,
        pptTrials: trials,
        pptKpaMean: round1(meanKpa),
        meetsConsensus: [tautBand, spotTender, referredPain].filter(Boolean).length >= 2,
        treatment: [...(f.treatment ?? [])],
        response: f.response ?? "",
        note: f.note ?? "",
        createdAt: startedAt,
        updatedAt: signedAt,
      });
    }

    const score = history.complaint?.visitScores[visitIndex];
    if (complaintId && score) {
      await tx
        .insert(visitPainScores)
        .values({ clinicId, visitId: visit!.id, complaintId, ...score, updatedAt: signedAt });
    }

    // Signing last: the lock trigger (migration 0002) refuses findings on a signed visit.
    await tx
      .update(visits)
      .set({ signedAt, signedBy: therapistId })
      .where(and(eq(visits.clinicId, clinicId), eq(visits.id, visit!.id)));
    await tx.insert(auditEvents).values({
      clinicId,
      actorUserId: therapistId,
      action: "visit.signed",
      entityType: "visit",
      entityId: visit!.id,
      details: { source: "demo-seed" },
      at: signedAt,
    });
  }

  if (complaintId && history.complaint) {
    await tx.insert(diaryEntries).values(
      history.complaint.diary.map((d) => {
        const entryDate = addLocalDays(today, -d.daysAgo);
        const at = zonedInstant(entryDate, "20:30", timeZone);
        return {
          clinicId,
          clientId: client.id,
          complaintId: complaintId!,
          entryDate,
          score: d.score,
          note: d.note ?? "",
          createdAt: at,
          updatedAt: at,
        };
      }),
    );
  }
}

/**
 * Signed visits with trigger point findings for two Demo Clinic clients, dated relative to
 * today in the clinic's time zone, so the chart history, ghost marks and trajectories have
 * something to show on a fresh database. Runs inside seedDemo's transaction.
 */
export async function seedDemoHistory(tx: Db): Promise<void> {
  const [clinic] = await tx
    .select({ id: clinics.id, timezone: clinics.timezone })
    .from(clinics)
    .where(eq(clinics.slug, "demo-clinic"));
  const [therapist] = await tx.select({ id: users.id }).from(users).where(eq(users.email, "therapist@demo.test"));
  if (!clinic || !therapist) throw new Error("Demo history: seed the demo clinic and therapist first");
  for (const history of [CASEY_HISTORY, SECOND_HISTORY]) {
    await seedOne(tx, clinic.id, clinic.timezone, therapist.id, history);
  }
}
