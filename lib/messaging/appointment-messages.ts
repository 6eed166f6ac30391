import "server-only";
import type { Db } from "@/db/client";
import { appUrl } from "@/lib/app-url";
import { implementJob } from "@/lib/jobs/define";
import {
  appointmentNoticeJob,
  type AppointmentEvent,
  type AppointmentNotice,
} from "@/lib/scheduling/appointments/client-notice";
import { lastToldPlacement, lockAppointmentFacts, placementOf, samePlacement } from "./appointment-facts";
import { manageUrl } from "./manage-link";
import { createShortManageUrl } from "./short-link";
import { renderFactsEmail } from "./render-appointment-email";
import { deliverToClient } from "@/lib/delivery/deliver-to-client";

/** The front desk's name of each message (the message log and an SMS row's subject). */
export const EVENT_LABELS = {
  booked: "Booking confirmation",
  changed: "Appointment changed",
  cancelled: "Cancellation",
  reminder: "Reminder",
} as const;

/** The email kind of each appointment message (the outbox and the message log). */
export const emailKind = (event: AppointmentEvent) => `appointment.${event}`;

/**
 * Writes one appointment message (job messages.appointment) from the appointment as it is now,
 * under a lock on it: a confirmation or change only while it is still booked, a cancellation only
 * once cancelled; a change only when it differs from what the client was last told. The email
 * (outbox row and its send job) is queued in this transaction. Returns what it did.
 */
export async function sendAppointmentMessage(
  db: Db,
  notice: AppointmentNotice,
  options: { baseUrl?: string; now?: Date; smsOn?: boolean } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const a = await lockAppointmentFacts(tx, notice.clinicId, notice.appointmentId);
    if (!a) return "skipped: appointment gone";
    const wantsCancelled = notice.event === "cancelled";
    if (wantsCancelled !== (a.status === "cancelled")) return `skipped: appointment is ${a.status}`;
    if (!wantsCancelled && a.status !== "booked") return `skipped: appointment is ${a.status}`;
    if (notice.event !== "cancelled" && a.endsAt.getTime() <= now.getTime()) return "skipped: appointment is over";
    const told = await lastToldPlacement(tx, a.clinicId, a.id);
    const current = placementOf(a);
    if (notice.event === "changed" && told && samePlacement(told, current))
      return "skipped: nothing changed since the client was told";
    const kind = emailKind(notice.event);
    const claims = { clinicId: a.clinicId, appointmentId: a.id, expiresAt: a.startsAt };
    const link =
      notice.event === "cancelled" || a.startsAt.getTime() <= now.getTime()
        ? null
        : manageUrl(options.baseUrl ?? appUrl(), claims);
    const previous =
      notice.event === "changed" && told?.startsAt && told.endsAt
        ? {
            startsAt: new Date(told.startsAt),
            endsAt: new Date(told.endsAt),
            therapistName: told.therapistName ?? a.therapistName,
            roomName: told.roomName ?? null,
          }
        : null;
    const mail = await renderFactsEmail(a, {
      event: notice.event,
      manageUrl: link,
      previous,
      sharedReason: notice.sharedReason ?? null,
      cancelledByClient: notice.cancelledByClient ?? false,
    });
    // A text gets the short link (short-link.ts): the signed one alone is ~150 characters.
    const texts = a.messageChannel === "sms" || a.messageChannel === "both";
    const sms =
      link && texts
        ? mail.copy.sms.replace(link, await createShortManageUrl(tx, options.baseUrl ?? appUrl(), claims))
        : mail.copy.sms;
    const sent = await deliverToClient(
      tx,
      a,
      {
        kind,
        label: EVENT_LABELS[notice.event],
        essential: true,
        email: mail,
        sms,
        about: notice.event === "cancelled" ? undefined : current,
      },
      { smsOn: options.smsOn, now },
    );
    return sent.summary;
  });
}

/** One message about one appointment: the run of scheduling's notice (notifyClient enqueues it in the cause's transaction). */
export const sendAppointmentMessageJob = implementJob(appointmentNoticeJob, (db, notice) =>
  sendAppointmentMessage(db, notice),
);
