// A treated client's history for the specs that need one (chart history, progress charts, a portal
// with something in it): the demo's neck-ache course of three signed visits, charted on this spec's own
// portal client by its own therapist through the same use cases the visit editor calls. Dates move
// with today, as the demo's do.
import type { Db } from "@/db/client";
import reference from "@/db/seed/reference/domain-data.json";
import { CASEY_HISTORY as COURSE, type SeedFinding, type SeedPoint } from "@/db/seed/demo-history-data";
import { loadActor, type Actor } from "@/lib/identity/actor";
import { createVisit } from "@/lib/clinical/visits/create-visit";
import { signVisit } from "@/lib/clinical/visits/sign-visit";
import { updateVisitNote } from "@/lib/clinical/visits/update-visit-note";
import { createFinding } from "@/lib/clinical/findings/create-finding";
import { updateFinding } from "@/lib/clinical/findings/update-finding";
import { getVisitOrThrow } from "@/lib/clinical/visits/get-visit-or-throw";
import { createFindingBody, updateFindingBody, updateVisitNoteBody } from "@/lib/clinical/schemas";
import { createComplaint } from "@/lib/outcomes/pain/complaints/create-complaint";
import { setVisitPain } from "@/lib/outcomes/pain/set-visit-pain";
import { addDiaryEntry } from "@/lib/outcomes/pain/add-diary-entry";
import { createComplaintBody, diaryEntryBody, visitPainBody } from "@/lib/outcomes/pain/schemas";
import { addLocalDays, isoWeekdayOf, localDateOf, zonedInstant } from "@/lib/format/zoned";
import type { SeededClinic, SeededVisitHistory, SeedManifest } from "@/e2e/seeded-clinic";

/** The specs that get it: the rest keep a portal client with no clinical record. */
const VISIT_HISTORY_SPECS = new Set([
  "chart-history.spec.ts",
  "content-security-policy.spec.ts",
  "accessibility.spec.ts",
]);

/** The reference site of a point (given for the client's right), mirrored for the left, as the demo places it. */
function siteOf(p: SeedPoint, f: SeedFinding) {
  const muscle = reference.muscles.find((m) => m.id === p.muscleId);
  const site = muscle?.trigger_points.find((tp) => tp.label === p.label)?.approx;
  if (!site) throw new Error(`e2e visit history: no reference site for ${p.muscleId} ${p.label}`);
  const x = p.side === "left" ? 1 - site.x : site.x;
  return { view: site.view as "front" | "back", x: x + (f.dx ?? 0), y: site.y + (f.dy ?? 0) };
}

/** A finding as the editor sends it: PPT as three trials in kgf/cm², referral when regions are named. */
const palpation = (p: SeedPoint, f: SeedFinding) => ({
  ...siteOf(p, f),
  type: f.type,
  tautBand: f.tautBand ?? true,
  localTwitch: f.localTwitch ?? false,
  referredPain: (f.referralRegions ?? []).length > 0,
  referralRegions: [...(f.referralRegions ?? [])],
  tenderness: f.tenderness,
  pptTrials: f.ppt.map((value) => ({ value, unit: "kgf/cm2" as const })),
  treatment: [...(f.treatment ?? [])],
  response: f.response ?? "",
  note: f.note ?? "",
});

async function actorOf(db: Db, userId: string, clinicId: string): Promise<Actor> {
  const actor = await loadActor(db, userId, clinicId);
  if (!actor) throw new Error("e2e visit history: no membership for the seeded person");
  return actor;
}

async function seedVisitHistory(db: Db, clinic: SeededClinic): Promise<SeededVisitHistory> {
  const therapist = await actorOf(db, clinic.therapist.userId, clinic.clinicId);
  const client = await actorOf(db, clinic.client.userId, clinic.clinicId);
  const clientId = clinic.client.id;
  const today = localDateOf(new Date(), clinic.timezone);
  const course = COURSE.complaint!;
  const complaint = await createComplaint(
    db,
    therapist,
    clientId,
    createComplaintBody.parse({
      title: course.title,
      regions: course.regions,
      onsetDate: addLocalDays(today, -course.onsetDaysAgo),
    }),
  );

  // Point key → trigger point id, once the point has been placed.
  const placed = new Map<string, string>();
  for (const [i, v] of COURSE.visits.entries()) {
    // On a weekday, as a clinic's visits are: a weekend date moves back to the Friday.
    let date = addLocalDays(today, -v.daysAgo);
    while (isoWeekdayOf(date) > 5) date = addLocalDays(date, -1);
    const startedAt = zonedInstant(date, v.time, clinic.timezone).toISOString();
    // Open points of the last visit are carried forward, each waiting for today's status.
    const { id: visitId } = await createVisit(db, therapist, clientId, { startedAt });
    const { version } = await updateVisitNote(
      db,
      therapist,
      visitId,
      updateVisitNoteBody.parse({ ...v, painRegions: [...v.painRegions], version: 1 }),
    );
    const carried = (await getVisitOrThrow(db, therapist, visitId)).findings;
    for (const f of v.findings) {
      const point = COURSE.points.find((p) => p.key === f.point)!;
      const pointId = placed.get(point.key);
      const existing = carried.find((c) => c.triggerPointId === pointId);
      if (existing) {
        const body = { ...palpation(point, f), status: f.status, version: existing.version };
        await updateFinding(db, therapist, visitId, existing.id, updateFindingBody.parse(body));
      } else {
        const body = { ...palpation(point, f), muscleId: point.muscleId, side: point.side, label: point.label };
        const made = await createFinding(db, therapist, visitId, createFindingBody.parse(body));
        placed.set(point.key, made.triggerPointId);
      }
    }
    // A carried point the course does not mention this time was not examined.
    const mentioned = new Set(v.findings.map((f) => placed.get(f.point)));
    for (const c of carried.filter((c) => !mentioned.has(c.triggerPointId)))
      await updateFinding(db, therapist, visitId, c.id, { status: "not_checked", version: c.version });
    const score = course.visitScores[i];
    if (score) {
      const scores = [{ complaintId: complaint.id, ...score }];
      await setVisitPain(db, therapist, visitId, visitPainBody.parse({ scores }));
    }
    await signVisit(db, therapist, visitId, { version });
  }

  // The client's own diary: the portal takes entries for the last 30 days.
  const diary = course.diary.filter((d) => d.daysAgo < 30);
  for (const d of diary) {
    const entry = { complaintId: complaint.id, date: addLocalDays(today, -d.daysAgo), score: d.score, note: d.note };
    await addDiaryEntry(db, client, diaryEntryBody.parse(entry));
  }
  return { clientId, complaint: complaint.title, visits: COURSE.visits.length, diaryEntries: diary.length };
}

/** Gives each spec of VISIT_HISTORY_SPECS that history, on its own clinic, and notes it in the manifest. */
export async function seedVisitHistories(db: Db, manifest: SeedManifest) {
  for (const [spec, clinic] of Object.entries(manifest))
    if (VISIT_HISTORY_SPECS.has(spec)) clinic.visitHistory = await seedVisitHistory(db, clinic);
}
