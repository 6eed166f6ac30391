import "server-only";
import { Cron } from "croner";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clinics, jobSchedules } from "@/db/schema";
import type { AnyJob, JobDefinition } from "./define";
import { enqueue } from "./enqueue";
import { sanitiseError } from "./errors";

export interface ScheduleTick {
  /** The instant the tick was due (not when it ran). */
  at: Date;
  /** The clinic of a per-clinic schedule; null for a platform one. */
  clinicId: string | null;
}

export interface Schedule<P = unknown, I = P> {
  /** Stable name of the schedule (row key in job_schedules); usually the job's name. */
  key: string;
  /** A cron pattern (croner: five fields, or six with seconds). */
  cron: string;
  job: JobDefinition<P, I>;
  /** One tick per clinic, at the pattern's wall-clock time in that clinic's time zone. */
  perClinic?: boolean;
  /** The zone of a platform schedule (default UTC). */
  timeZone?: string;
  payload: (tick: ScheduleTick) => I;
}

/** Any schedule, whatever its payload: what the registry holds. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list holds schedules of every payload type
export type AnySchedule = Schedule<any, any> & { job: AnyJob };

/** Declares a recurring schedule; list it in lib/jobs/registry.ts. */
export function defineSchedule<P, I>(schedule: Schedule<P, I>): Schedule<P, I> {
  if (schedule.key.includes(":") || schedule.key.includes("@")) throw new Error(`Bad schedule key: ${schedule.key}`);
  // Throws now, at start-up, on a malformed pattern or zone rather than at the first tick.
  nextTick(schedule, schedule.timeZone ?? "UTC", new Date());
  return schedule;
}

function nextTick(schedule: { key: string; cron: string }, timeZone: string, after: Date): Date {
  const next = new Cron(schedule.cron, { timezone: timeZone, paused: true }).nextRun(after);
  if (!next) throw new Error(`Schedule ${schedule.key} has no next run`);
  return next;
}

const rowKey = (schedule: AnySchedule, clinicId: string | null) =>
  clinicId ? `${schedule.key}:${clinicId}` : schedule.key;

/** Gives every schedule (and every clinic, for per-clinic ones) its row with the first tick. */
async function ensureRows(db: Db, schedules: readonly AnySchedule[], now: Date) {
  for (const s of schedules) {
    if (!s.perClinic) {
      await db
        .insert(jobSchedules)
        .values({ key: s.key, clinicId: null, nextRunAt: nextTick(s, s.timeZone ?? "UTC", now) })
        .onConflictDoNothing();
      continue;
    }
    const missing = await db
      .select({ id: clinics.id, timeZone: clinics.timezone })
      .from(clinics)
      .where(sql`not exists (select 1 from job_schedules s where s.key = ${`${s.key}:`} || ${clinics.id}::text)`);
    for (const c of missing) {
      await db
        .insert(jobSchedules)
        .values({ key: rowKey(s, c.id), clinicId: c.id, nextRunAt: nextTick(s, c.timeZone, now) })
        .onConflictDoNothing();
    }
  }
}

/**
 * Enqueues the job of every schedule tick that is due. Each tick is taken by moving the row's
 * next_run_at forward with a compare-and-set in the same transaction as the enqueue (whose
 * dedupe key names the tick): of several workers only one moves it, so a tick runs once; and a
 * worker that was down for a while runs the schedule once, not once per missed tick. Returns
 * how many ticks were enqueued.
 */
export async function enqueueDueSchedules(db: Db, schedules: readonly AnySchedule[], now: Date): Promise<number> {
  await ensureRows(db, schedules, now);
  const byKey = new Map(schedules.map((s) => [s.key, s]));
  const due = await db
    .select({
      key: jobSchedules.key,
      clinicId: jobSchedules.clinicId,
      nextRunAt: jobSchedules.nextRunAt,
      clinicTimeZone: clinics.timezone,
    })
    .from(jobSchedules)
    .leftJoin(clinics, eq(clinics.id, jobSchedules.clinicId))
    .where(lte(jobSchedules.nextRunAt, now))
    .orderBy(asc(jobSchedules.nextRunAt))
    .limit(500);
  let enqueued = 0;
  for (const row of due) {
    const schedule = byKey.get(row.key.split(":")[0]!);
    // A schedule removed from the code keeps its row; a deleted clinic has no zone.
    if (!schedule || (schedule.perClinic && !row.clinicTimeZone)) continue;
    try {
      const next = nextTick(schedule, schedule.perClinic ? row.clinicTimeZone! : (schedule.timeZone ?? "UTC"), now);
      const took = await db.transaction(async (tx) => {
        const moved = await tx
          .update(jobSchedules)
          .set({ nextRunAt: next, lastRunAt: row.nextRunAt })
          .where(and(eq(jobSchedules.key, row.key), eq(jobSchedules.nextRunAt, row.nextRunAt)))
          .returning({ key: jobSchedules.key });
        if (moved.length === 0) return false;
        const tick = { at: row.nextRunAt, clinicId: row.clinicId };
        await enqueue(tx, schedule.job, schedule.payload(tick), {
          clinicId: row.clinicId,
          dedupeKey: `${row.key}@${row.nextRunAt.toISOString()}`,
        });
        return true;
      });
      if (took) enqueued++;
    } catch (err) {
      // One bad row (say, a clinic zone croner does not know) must not stop the others.
      console.error(`[knotwork] schedule ${schedule.key} tick failed: ${sanitiseError(err)}`);
    }
  }
  return enqueued;
}
