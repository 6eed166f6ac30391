import "server-only";
import { PRESSURE_SCALE, stopRulesFor } from "./programme-rules";
import { AVOID_SITES } from "./precautions";
import { and, eq, gte, inArray, isNull, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinicExerciseImages, programmeCompletions } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { requireClientId } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { CLINIC_PREFIX } from "@/lib/programmes/exercises/catalogue";
import { isoWeekdayOf } from "@/lib/format/zoned";
import { combineAdherence } from "./adherence";
import { mondayOf, reportFor } from "./adherence-report";
import { clientFacts, clinicToday, loadProgrammes, programmeSettings } from "./load";
import { rescreenItem } from "./rescreen";
import type { ClockOptions } from "./clock";
import type { PortalProgrammeView } from "./portal-schemas";
import { TOOL_LABEL } from "./tool-labels";
import { libraryMuscleName } from "./reference";
import { versionInForce } from "./versions";

const isUuid = (s: string) => /^[0-9a-f-]{36}$/i.test(s);

/**
 * The signed-in client's programmes in force today, each item with what is asked of them today and
 * what they have done, and this week's adherence so far. Only ever the actor's own programmes.
 */
export async function getPortalProgramme(db: Db, actor: Actor, opts: ClockOptions = {}): Promise<PortalProgrammeView> {
  assertCan(actor, "portal.self");
  const clientId = requireClientId(actor);
  const today = clinicToday(actor, opts.now);
  const weekday = isoWeekdayOf(today);
  const monday = mondayOf(today);
  const [all, settings, facts] = await Promise.all([
    loadProgrammes(db, actor, { clientIds: [clientId] }),
    programmeSettings(db, actor),
    clientFacts(db, actor, clientId),
  ]);

  const running = all.flatMap((p) => {
    const v = versionInForce(p.versions, today);
    return v ? [{ p, v }] : [];
  });
  const runningIds = running.map((r) => r.p.id);
  const clinicExerciseIds = [...new Set(running.flatMap((r) => r.v.items.map((i) => i.exerciseKey)))]
    .filter((k) => k.startsWith(CLINIC_PREFIX))
    .map((k) => k.slice(CLINIC_PREFIX.length))
    .filter(isUuid);
  const allIds = all.map((p) => p.id);
  const [completions, images] = await Promise.all([
    // The week's tick-offs (adherence, and today's count per item) and the stop-rule reports (adverse) still
    // awaiting the therapist's review, in one statement: two index ranges (the client's days since Monday,
    // and the clinic's few unreviewed reports).
    allIds.length
      ? db
          .select({
            programmeId: programmeCompletions.programmeId,
            exerciseId: programmeCompletions.exerciseKey,
            completedAt: programmeCompletions.completedAt,
            localDate: programmeCompletions.localDate,
            awaitsReview: sql<boolean>`(${programmeCompletions.adverse} and ${programmeCompletions.reviewedAt} is null)`,
          })
          .from(programmeCompletions)
          .where(
            and(
              clinicScope(actor, programmeCompletions),
              eq(programmeCompletions.clientId, clientId),
              inArray(programmeCompletions.programmeId, allIds),
              or(
                gte(programmeCompletions.localDate, monday),
                and(eq(programmeCompletions.adverse, true), isNull(programmeCompletions.reviewedAt)),
              ),
            ),
          )
      : Promise.resolve([]),
    clinicExerciseIds.length
      ? db
          .select({ id: clinicExerciseImages.exerciseId })
          .from(clinicExerciseImages)
          .where(
            and(clinicScope(actor, clinicExerciseImages), inArray(clinicExerciseImages.exerciseId, clinicExerciseIds)),
          )
      : Promise.resolve([]),
  ]);
  const weekCompletions = completions.filter((c) => c.localDate >= monday);
  // Per running item: today's tick-offs, and whether a stop-rule report awaits review (pauses it).
  const runningSet = new Set(runningIds);
  const paused = new Set(
    completions
      .filter((c) => c.awaitsReview && runningSet.has(c.programmeId))
      .map((c) => `${c.programmeId} ${c.exerciseId}`),
  );
  const done = new Map<string, number>();
  for (const c of completions) {
    if (c.localDate !== today || !runningSet.has(c.programmeId)) continue;
    const key = `${c.programmeId} ${c.exerciseId}`;
    done.set(key, (done.get(key) ?? 0) + 1);
  }
  const withImage = new Set(images.map((i) => i.id));

  const range = { timeZone: actor.clinicTimezone, from: monday, to: today, lowThreshold: settings.thresholdPct / 100 };
  const week = combineAdherence(all.map((p) => reportFor(p, weekCompletions, range)).filter((r) => r !== null));

  return {
    wording: settings.wording,
    date: today,
    pressureScale: PRESSURE_SCALE.bands.map(({ label, text }) => ({ label, text })),
    avoidSites: [...AVOID_SITES],
    programmes: running.map(({ p, v }) => ({
      id: p.id,
      title: p.title,
      version: v.version,
      startDate: v.startDate,
      endDate: v.endDate,
      notes: v.notes,
      therapistName: v.createdByName,
      items: v.items.map((i) => {
        const clinicId = i.exerciseKey.startsWith(CLINIC_PREFIX) ? i.exerciseKey.slice(CLINIC_PREFIX.length) : null;
        return {
          itemId: i.id,
          exerciseKey: i.exerciseKey,
          name: i.snapshot.name,
          tool: i.snapshot.tool,
          toolLabel: TOOL_LABEL[i.snapshot.tool] ?? i.snapshot.tool,
          instructions: i.snapshot.instructions,
          cautions: i.snapshot.cautions,
          // The general rules in the reference's current plain wording (v2 rewrote them for clients),
          // then the exercise's own "stop if…" cautions as prescribed.
          stopRules: stopRulesFor(i.snapshot),
          targetMuscles: i.snapshot.targetMuscles.map((id) => ({
            id,
            name: libraryMuscleName(id) ?? id.replaceAll("_", " "),
          })),
          dosage: i.dosage,
          note: i.note,
          imageUrl: clinicId && withImage.has(clinicId) ? `/api/exercises/${clinicId}/image` : null,
          prescribedToday: i.dosage.daysOfWeek.includes(weekday) ? i.dosage.sessionsPerDay : 0,
          doneToday: done.get(`${p.id} ${i.exerciseKey}`) ?? 0,
          pausedForReview: paused.has(`${p.id} ${i.exerciseKey}`),
          // Precautions can be added after prescribing: screened again on every read.
          pausedByPrecaution: rescreenItem(i, facts.precautions).verdict === "block",
        };
      }),
    })),
    adherenceThisWeek: { prescribed: week.prescribed, completed: week.completed, ratio: week.ratio },
  };
}
