import "server-only";
import { addMinutes } from "date-fns";
import { and, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentSeries } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clinicScope } from "@/lib/identity/scopes";
import { recordEvent, recordEvents } from "@/lib/audit/record-event";
import { conflict, invalid, sqlState } from "@/lib/errors";
import { notifySeries } from "./series-notice";
import { requestFingerprint } from "@/lib/http/request-fingerprint";
import { expandSeries, type Occurrence } from "@/lib/scheduling/rules/recurrence";
import { addLocalDays, localDateOf, zonedInstant } from "@/lib/format/zoned";
import { assertDiary } from "./appointment-access";
import { checkCandidate, type Candidate, type Planned } from "./series-conflicts";
import { loadSeriesDiary, typeTiming } from "./series-diary";
import { getSeries } from "./get-series";
import type { CreateSeriesInput, SeriesDto } from "./series-schemas";
import { assertRoom, assertTherapist, previewSeries, seriesRoom } from "./series-preview";

/** Thrown inside the booking transaction so that it rolls back: nothing of the series is kept. */
class SeriesNoLongerFree extends Error {
  constructor(readonly failed: { index: number; reason: string }[]) {
    super("series no longer free");
  }
}

async function seriesByKey(db: Db, actor: Actor, key: string) {
  const [row] = await db
    .select({
      id: appointmentSeries.id,
      fingerprint: sql<string | null>`${appointmentSeries.rule}->>'requestFingerprint'`,
    })
    .from(appointmentSeries)
    .where(and(clinicScope(actor, appointmentSeries), sql`${appointmentSeries.rule}->>'idempotencyKey' = ${key}`));
  return row;
}

type PlanItem = Candidate & { index: number };

/** The sessions to book: every occurrence not skipped, at its own time or at the chosen alternative. */
function planOf(
  input: CreateSeriesInput,
  occurrences: readonly Occurrence[],
  roomId: string | null,
): { plan: PlanItem[]; skipped: number[] } {
  const choices = new Map(input.choices.map((c) => [c.index, c]));
  const unknown = input.choices.find((c) => !occurrences.some((o) => o.index === c.index));
  if (unknown)
    throw invalid("A choice names a date that is not in this series.", {
      choices: [`There is no date number ${unknown.index + 1}.`],
    });
  const plan: PlanItem[] = [];
  const skipped: number[] = [];
  for (const o of occurrences) {
    const c = choices.get(o.index);
    if (c?.action === "skip") skipped.push(o.index);
    else if (c?.action === "alternative")
      plan.push({ index: o.index, start: new Date(c.start), therapistId: c.therapistUserId, roomId: c.roomId });
    else plan.push({ index: o.index, start: o.start, therapistId: input.therapistUserId, roomId });
  }
  if (plan.length === 0)
    throw invalid("Every date is skipped: there is nothing to book.", { choices: ["Keep at least one date."] });
  return { plan, skipped };
}

/**
 * Books a series all or nothing, in one transaction. Every chosen session is checked again
 * against the diary as it is now; if any is no longer free (or the database's exclusion
 * constraints refuse one because someone booked it a moment ago), nothing is booked and the
 * 409 carries a fresh conflict report. There is never a silent partial booking.
 */
export async function createSeries(db: Db, actor: Actor, input: CreateSeriesInput): Promise<SeriesDto> {
  assertCan(actor, "schedule.manage");
  const key = input.idempotencyKey;
  const { idempotencyKey: _key, ...request } = input;
  const fingerprint = requestFingerprint(request);
  // A retry with the key gets the series it booked; the key reused for another request is a 409.
  // (Series stored before fingerprints were kept have none and replay as before.)
  const replay = async () => {
    const earlier = key ? await seriesByKey(db, actor, key) : undefined;
    if (!earlier) return null;
    if (earlier.fingerprint && earlier.fingerprint !== fingerprint)
      throw conflict(
        "This request key was already used for a different series. Reload and book again (a new key is sent).",
        { reason: "idempotency_mismatch" },
      );
    return { ...(await getSeries(db, actor, earlier.id)), replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const timing = await typeTiming(db, actor, input.typeId);
  assertDiary(
    actor,
    input.therapistUserId,
    ...input.choices.flatMap((c) => (c.action === "alternative" ? [c.therapistUserId] : [])),
  );
  const tz = actor.clinicTimezone;
  const { occurrences } = expandSeries(input.rule, { timeZone: tz, durationMin: timing.durationMin });
  const { plan: draft, skipped } = planOf(input, occurrences, input.roomId ?? null);
  const starts = draft.map((p) => p.start.getTime());
  const window = {
    from: zonedInstant(addLocalDays(localDateOf(new Date(Math.min(...starts)), tz), -1), 0, tz),
    to: zonedInstant(
      addLocalDays(localDateOf(addMinutes(new Date(Math.max(...starts)), timing.durationMin), tz), 2),
      0,
      tz,
    ),
  };
  const now = new Date();
  try {
    const seriesId = await db.transaction(async (tx) => {
      const diary = await loadSeriesDiary(tx, actor, { typeId: input.typeId, clientId: input.clientId, window });
      assertTherapist(diary, input.therapistUserId, "therapistUserId");
      assertRoom(diary, input.roomId ?? null);
      const plan = draft.map((p) => ({ ...p, roomId: seriesRoom(diary, p.roomId) }));
      for (const p of plan) {
        assertTherapist(diary, p.therapistId, "choices");
        assertRoom(diary, p.roomId);
      }
      const planned: Planned[] = [];
      const failed: { index: number; reason: string }[] = [];
      for (const p of plan) {
        const r = checkCandidate(diary, p, planned, now);
        if (r.ok) planned.push({ start: p.start, therapistId: p.therapistId, roomId: r.roomId });
        else failed.push({ index: p.index, reason: r.reason });
      }
      if (failed.length > 0) throw new SeriesNoLongerFree(failed);

      const rule = {
        ...input.rule,
        typeId: input.typeId,
        therapistUserId: input.therapistUserId,
        roomId: seriesRoom(diary, input.roomId),
        skipped,
        timeZone: tz,
        ...(key ? { idempotencyKey: key, requestFingerprint: fingerprint } : {}),
      };
      const [series] = await tx
        .insert(appointmentSeries)
        .values({ clinicId: actor.clinicId, clientId: input.clientId, rule, createdBy: actor.userId })
        .returning({ id: appointmentSeries.id });
      const rows = await tx
        .insert(appointments)
        .values(
          plan.map((p, i) => {
            const endsAt = addMinutes(p.start, diary.type.durationMin);
            return {
              clinicId: actor.clinicId,
              clientId: input.clientId,
              therapistUserId: p.therapistId,
              roomId: planned[i]!.roomId,
              typeId: diary.type.id,
              startsAt: p.start,
              endsAt,
              blocksUntil: addMinutes(endsAt, diary.type.bufferAfterMin),
              seriesId: series!.id,
              idempotencyKey: key ? `${key}:${p.index}` : null,
              createdBy: actor.userId,
            };
          }),
        )
        .returning({ id: appointments.id });
      // One message for the whole series, never a confirmation per session.
      await notifySeries(tx, {
        clinicId: actor.clinicId,
        seriesId: series!.id,
        event: "booked",
        appointmentIds: rows.map((r) => r.id),
      });
      await recordEvent(tx, actor, {
        action: "series.created",
        entityType: "appointment_series",
        entityId: series!.id,
        details: {
          appointments: rows.length,
          skipped: skipped.length,
          moved: input.choices.filter((c) => c.action === "alternative").length,
        },
      });
      await recordEvents(
        tx,
        actor,
        rows.map((row) => ({
          action: "appointment.booked",
          entityType: "appointment",
          entityId: row.id,
          details: { seriesId: series!.id },
        })),
      );
      return series!.id;
    });
    return { ...(await getSeries(db, actor, seriesId)), replayed: false };
  } catch (err) {
    const state = sqlState(err);
    // A parallel retry with this key may have booked these very times a moment ago.
    if (key && (err instanceof SeriesNoLongerFree || state === "23P01" || state === "23505")) {
      const again = await replay();
      if (again) return again;
    }
    if (err instanceof SeriesNoLongerFree || state === "23P01") {
      const failed = err instanceof SeriesNoLongerFree ? err.failed : [];
      const report = await previewSeries(db, actor, input);
      const message =
        failed.length === 1
          ? "One of the chosen dates is no longer free, so nothing was booked. Check the dates again."
          : failed.length > 1
            ? `${failed.length} of the chosen dates are no longer free, so nothing was booked. Check the dates again.`
            : "Someone booked one of these times a moment ago, so nothing was booked. Check the dates again.";
      throw conflict(message, { report, failed });
    }
    throw err;
  }
}
