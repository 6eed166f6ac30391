import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, can } from "@/lib/identity/scopes";
import { invalid, notFound } from "@/lib/errors";
import { expandSeries, type Occurrence } from "@/lib/scheduling/rules/recurrence";
import { seriesSearchWindow } from "@/lib/scheduling/rules/series-check";
import { assertDiary } from "./appointment-access";
import { alternativesFor, checkCandidate, type Planned } from "./series-conflicts";
import { loadSeriesDiary, typeTiming, type SeriesDiary } from "./series-diary";
import type { SeriesPreviewInput, SeriesReport } from "./series-schemas";

// Checking a planned series before it is booked: every occurrence against the diary, with alternatives
// for the ones that clash. Booking it is series.ts.

/** Alternatives on other days are looked for this many days either side of a clashing session. */
const SEARCH_DAYS = 3;

export function assertTherapist(diary: SeriesDiary, therapistId: string, field: string) {
  if (diary.therapists.has(therapistId)) return;
  const message = diary.staffNames.has(therapistId)
    ? `${diary.staffNames.get(therapistId)} does not offer ${diary.type.name}.`
    : "Choose a therapist of this clinic.";
  throw invalid(message, { [field]: [message] });
}

export function assertRoom(diary: SeriesDiary, roomId: string | null) {
  if (roomId && !diary.rooms.some((r) => r.id === roomId)) throw notFound("That room");
}

/** A room only matters for types that need one; for the others a chosen room is ignored. */
export const seriesRoom = (diary: SeriesDiary, roomId: string | null | undefined) =>
  diary.type.needsRoom ? (roomId ?? null) : null;

/**
 * Checks every occurrence (all of them, in order, each against the diary and the sessions
 * accepted before it), then finds alternatives for each one that conflicts.
 */
function buildReport(
  diary: SeriesDiary,
  occurrences: readonly Occurrence[],
  input: SeriesPreviewInput,
  truncated: boolean,
  now: Date,
  otherTherapists: boolean,
): SeriesReport {
  const roomId = seriesRoom(diary, input.roomId);
  const planned: Planned[] = [];
  const checks = occurrences.map((o) => {
    const r = checkCandidate(diary, { start: o.start, therapistId: input.therapistUserId, roomId }, planned, now);
    if (r.ok) planned.push({ start: o.start, therapistId: input.therapistUserId, roomId: r.roomId });
    return r;
  });
  const roomName = new Map(diary.rooms.map((r) => [r.id, r.name]));
  const rows = occurrences.map((o, i) => {
    const r = checks[i]!;
    return {
      index: o.index,
      localDate: o.localDate,
      start: o.start.toISOString(),
      end: o.end.toISOString(),
      shifted: o.shifted,
      status: r.ok ? ("ok" as const) : ("conflict" as const),
      roomId: r.ok ? r.roomId : null,
      roomName: r.ok && r.roomId ? (roomName.get(r.roomId) ?? null) : null,
      conflict: r.ok ? null : { code: r.code, reason: r.reason },
      alternatives: r.ok
        ? []
        : alternativesFor(diary, o.start, planned, {
            seriesTherapistId: input.therapistUserId,
            preferredRoomId: roomId,
            earliestStart: now,
            searchDays: SEARCH_DAYS,
            otherTherapists,
          }),
    };
  });
  const okCount = rows.filter((r) => r.status === "ok").length;
  return {
    timeZone: diary.timeZone,
    therapistName: diary.therapists.get(input.therapistUserId)!.name,
    typeName: diary.type.name,
    occurrences: rows,
    okCount,
    conflictCount: rows.length - okCount,
    truncated,
  };
}

/** The conflict report for a series: every occurrence with ok/conflict, the reason, and up to 3 alternatives. */
export async function previewSeries(db: Db, actor: Actor, input: SeriesPreviewInput): Promise<SeriesReport> {
  assertCan(actor, "schedule.manage");
  const timing = await typeTiming(db, actor, input.typeId);
  const { occurrences, truncated } = expandSeries(input.rule, {
    timeZone: actor.clinicTimezone,
    durationMin: timing.durationMin,
  });
  const window = seriesSearchWindow(occurrences, actor.clinicTimezone, SEARCH_DAYS);
  if (!window) throw invalid("This rule gives no dates.", { rule: ["This rule gives no dates."] });
  const diary = await loadSeriesDiary(db, actor, { typeId: input.typeId, clientId: input.clientId, window });
  // After the clinic's own objects were found: another clinic's still gets 404, not 403.
  assertDiary(actor, input.therapistUserId);
  assertTherapist(diary, input.therapistUserId, "therapistUserId");
  assertRoom(diary, input.roomId ?? null);
  // A therapist could not book a colleague's time, so only admins are offered other diaries.
  return buildReport(diary, occurrences, input, truncated, new Date(), can(actor, "clinic.settings"));
}
