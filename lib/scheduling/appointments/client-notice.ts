import "server-only";
import { z } from "zod";
import type { Db } from "@/db/client";
import { declareJob } from "@/lib/jobs/define";
import { enqueue } from "@/lib/jobs/enqueue";

/** What a client is told about one appointment (the words are lib/messaging/appointment-copy.ts'). */
export const APPOINTMENT_EVENTS = ["booked", "changed", "cancelled", "reminder"] as const;
export type AppointmentEvent = (typeof APPOINTMENT_EVENTS)[number];

/**
 * How long a staff change waits before the client is told: the calendar's Undo (a few seconds,
 * paused while the pointer is on it) and a second drag both land inside it. The message is
 * written when the job runs, from the appointment as it is then, so an undone move sends nothing
 * and two quick moves send one message with the final time.
 */
export const CHANGE_NOTICE_DELAY_MS = 2 * 60_000;

const payload = z.object({
  clinicId: z.uuid(),
  appointmentId: z.uuid(),
  event: z.enum(APPOINTMENT_EVENTS),
  sharedReason: z.string().max(500).nullish(),
  cancelledByClient: z.boolean().optional(),
});
export type AppointmentNotice = z.infer<typeof payload>;

/**
 * "Tell the client" about an appointment (job messages.appointment). Scheduling declares and queues it,
 * so it need not know how a message is written; lib/messaging/appointment-messages.ts runs it (the
 * messaging area sits above scheduling and reads the appointment as it is when the job runs).
 */
export const appointmentNoticeJob = declareJob({ name: "messages.appointment", payload, maxAttempts: 5 });

/**
 * Queues "tell the client" for an appointment change. Call inside the transaction of the change:
 * the message exists if and only if the change committed. One job per appointment and event
 * while it waits (dedupe key), so a burst of edits sends one message.
 */
export async function notifyClient(tx: Db, notice: AppointmentNotice, options: { delayMs?: number } = {}) {
  const delayMs = options.delayMs ?? (notice.event === "changed" ? CHANGE_NOTICE_DELAY_MS : 0);
  await enqueue(tx, appointmentNoticeJob, notice, {
    clinicId: notice.clinicId,
    dedupeKey: `${notice.appointmentId}:${notice.event}`,
    ...(delayMs > 0 ? { runAt: new Date(Date.now() + delayMs) } : {}),
  });
}
