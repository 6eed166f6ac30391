import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { declareJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/enqueue";

/** What a client is told about a series (the words are lib/messaging/series-copy.ts'). */
export const SERIES_EVENTS = ["booked", "cancelled"] as const;
export type SeriesEvent = (typeof SERIES_EVENTS)[number];

const payload = z.object({
  clinicId: z.uuid(),
  seriesId: z.uuid(),
  event: z.enum(SERIES_EVENTS),
  /** The sessions the change touched: those booked, or those cancelled. */
  appointmentIds: z.array(z.uuid()).min(1).max(500),
  /** Words the clinic chose to share with a cancellation. */
  sharedReason: z.string().max(300).nullish(),
});
export type SeriesNotice = z.infer<typeof payload>;

/** One change of a series is told once: this key marks the job and every message row it writes. */
export const seriesMessageKey = (n: SeriesNotice) => `${n.seriesId}:${n.event}:${[...n.appointmentIds].sort()[0]}`;

/**
 * "Tell the client" about a series change (job messages.series): declared and queued here, run by
 * lib/messaging/series-messages.ts, as for one appointment (client-notice.ts).
 */
export const seriesNoticeJob = declareJob({ name: "messages.series", payload, maxAttempts: 5 });

/**
 * Queues the one message about a series change (all of it booked, or the rest cancelled). Call inside
 * the transaction of the change: the message exists if and only if the change committed. Nothing is
 * queued for a change that touched no session.
 */
export async function notifySeries(tx: Db, notice: SeriesNotice) {
  if (notice.appointmentIds.length === 0) return;
  await enqueue(tx, seriesNoticeJob, notice, { clinicId: notice.clinicId, dedupeKey: seriesMessageKey(notice) });
}
