import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments, appointmentSeries, clients, clinics, emailOutbox } from "@/db/schema";
import { appointmentNames, selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import { buildIcs } from "@/lib/scheduling/calendar-feed/ics";
import { implementJob } from "@/lib/jobs/define";
import {
  seriesMessageKey,
  seriesNoticeJob,
  type SeriesEvent,
  type SeriesNotice,
} from "@/lib/scheduling/appointments/series-notice";
import { localDateOf } from "@/lib/format/zoned";
import { deliverToClient } from "@/lib/delivery/deliver-to-client";
import { renderLayout } from "@/lib/delivery/email/layout";
import { seriesCopy } from "./series-copy";

/** The front desk's name of each series message (the message log and an SMS row's subject). */
export const SERIES_LABELS = {
  booked: "Series confirmation",
  cancelled: "Series cancellation",
} as const satisfies Record<SeriesEvent, string>;

export const seriesKind = (event: SeriesEvent) => `series.${event}`;

async function contactFor(tx: Db, clinicId: string, clientId: string) {
  const [row] = await tx
    .select({
      clinicId: clients.clinicId,
      clientId: clients.id,
      email: clients.email,
      phone: clients.phone,
      archivedAt: clients.archivedAt,
      messageChannel: clients.messageChannel,
      smsConsent: clients.smsConsent,
      firstName: clients.firstName,
      preferredName: clients.preferredName,
      clinicName: clinics.name,
      locale: clinics.locale,
      timeZone: clinics.timezone,
      noticeHours: clinics.cancellationNoticeHours,
      quietStart: clinics.smsQuietStartMinute,
      quietEnd: clinics.smsQuietEndMinute,
    })
    .from(clients)
    .innerJoin(clinics, eq(clinics.id, clients.clinicId))
    .where(and(eq(clients.clinicId, clinicId), eq(clients.id, clientId)));
  return row ?? null;
}

function sessionsOf(tx: Db, notice: SeriesNotice) {
  return selectAppointmentView(tx, {
    id: appointments.id,
    status: appointments.status,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    version: appointments.version,
    updatedAt: appointments.updatedAt,
    ...appointmentNames,
  })
    .where(
      and(
        eq(appointments.clinicId, notice.clinicId),
        eq(appointments.seriesId, notice.seriesId),
        inArray(appointments.id, notice.appointmentIds),
      ),
    )
    .orderBy(asc(appointments.startsAt));
}

/**
 * Writes the one message about a series change (job messages.series), under a lock on the series:
 * a booking lists the sessions still booked and not yet over, a cancellation those cancelled. A re-run
 * (lost lease) finds the rows it wrote and writes nothing again. Returns what it did.
 */
export async function sendSeriesMessage(
  db: Db,
  notice: SeriesNotice,
  options: { now?: Date; smsOn?: boolean } = {},
): Promise<string> {
  const now = options.now ?? new Date();
  const key = seriesMessageKey(notice);
  return db.transaction(async (tx) => {
    const [series] = await tx
      .select({ clientId: appointmentSeries.clientId, rule: appointmentSeries.rule })
      .from(appointmentSeries)
      .where(and(eq(appointmentSeries.clinicId, notice.clinicId), eq(appointmentSeries.id, notice.seriesId)))
      .for("update");
    if (!series) return "skipped: series gone";
    const [written] = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.clinicId, notice.clinicId), sql`${emailOutbox.about}->>'seriesMessage' = ${key}`))
      .limit(1);
    if (written) return "skipped: already written";
    const contact = await contactFor(tx, notice.clinicId, series.clientId);
    if (!contact) return "skipped: client gone";
    const cancelled = notice.event === "cancelled";
    const sessions = (await sessionsOf(tx, notice)).filter((s) =>
      cancelled ? s.status === "cancelled" : s.status === "booked" && s.endsAt.getTime() > now.getTime(),
    );
    if (sessions.length === 0)
      return cancelled ? "skipped: no session is cancelled" : "skipped: every session is over or no longer booked";
    const intervalWeeks = Number((series.rule as { intervalWeeks?: unknown }).intervalWeeks) || 1;
    const copy = seriesCopy({
      event: notice.event,
      clinicName: contact.clinicName,
      locale: contact.locale,
      timeZone: contact.timeZone,
      clientName: contact.preferredName ?? contact.firstName,
      typeName: sessions[0]!.typeName,
      cancellationNoticeHours: contact.noticeHours,
      intervalWeeks,
      sessions,
      sharedReason: notice.sharedReason ?? null,
    });
    const { html, text } = await renderLayout(copy);
    // Every session in one calendar file, each with its appointment's UID and version, so a later
    // change or cancellation of one session updates that event in the client's calendar.
    const ics = buildIcs({
      name: contact.clinicName,
      timeZone: contact.timeZone,
      events: sessions.map((s) => ({
        id: s.id,
        start: s.startsAt,
        end: s.endsAt,
        sequence: s.version,
        updatedAt: s.updatedAt,
        summary: `${s.typeName} at ${contact.clinicName}`,
        location: s.roomName ? `${contact.clinicName}, ${s.roomName}` : contact.clinicName,
        description: `${s.typeName} with ${s.therapistName}.`,
        cancelled,
      })),
    });
    const day = localDateOf(sessions[0]!.startsAt, contact.timeZone);
    const sent = await deliverToClient(
      tx,
      { ...contact, id: null },
      {
        kind: seriesKind(notice.event),
        label: SERIES_LABELS[notice.event],
        essential: true,
        email: {
          subject: copy.subject,
          html,
          text,
          attachments: [
            { filename: `appointments-${day}.ics`, contentType: "text/calendar; charset=utf-8", content: ics },
          ],
        },
        sms: copy.sms,
        about: { seriesId: notice.seriesId, seriesMessage: key },
      },
      { smsOn: options.smsOn, now },
    );
    return sent.summary;
  });
}

/** One message about one change of a series: the run of scheduling's notice (notifySeries enqueues it). */
export const sendSeriesMessageJob = implementJob(seriesNoticeJob, (db, notice) => sendSeriesMessage(db, notice));
