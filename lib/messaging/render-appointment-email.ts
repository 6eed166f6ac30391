import "server-only";
import type { OutboxAttachment } from "@/db/schema";
import { renderLayout } from "@/lib/delivery/email/layout";
import { buildIcs } from "@/lib/scheduling/calendar-feed/ics";
import { localDateOf } from "@/lib/format/zoned";
import type { AppointmentFacts } from "./appointment-facts";
import { appointmentCopy, type AppointmentMessageCopy, type AppointmentMessageFacts } from "./appointment-copy";

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
  attachments: OutboxAttachment[];
  copy: AppointmentMessageCopy;
}

/**
 * One appointment message as email: HTML and plain text from the same react-email template (the
 * text is react-email's own conversion of the HTML, so the two never drift apart), and the
 * appointment as an .ics attachment. The .ics keeps the appointment's UID and carries its version
 * as SEQUENCE, so a calendar that imported the confirmation updates the same event on a change
 * and marks it cancelled on a cancellation (STATUS:CANCELLED).
 */
export async function renderAppointmentEmail(
  facts: AppointmentMessageFacts,
  event: { appointmentId: string; version: number; updatedAt: Date },
): Promise<RenderedEmail> {
  const copy = appointmentCopy(facts);
  const { html, text } = await renderLayout(copy);
  const ics = buildIcs({
    name: facts.clinicName,
    timeZone: facts.timeZone,
    events: [
      {
        id: event.appointmentId,
        start: facts.startsAt,
        end: facts.endsAt,
        sequence: event.version,
        updatedAt: event.updatedAt,
        summary: `${facts.typeName} at ${facts.clinicName}`,
        location: facts.roomName ? `${facts.clinicName}, ${facts.roomName}` : facts.clinicName,
        description: `${facts.typeName} with ${facts.therapistName}.${facts.manageUrl ? ` Change or cancel: ${facts.manageUrl}` : ""}`,
        cancelled: facts.event === "cancelled",
      },
    ],
  });
  const day = localDateOf(facts.startsAt, facts.timeZone);
  return {
    subject: copy.subject,
    html,
    text,
    copy,
    attachments: [{ filename: `appointment-${day}.ics`, contentType: "text/calendar; charset=utf-8", content: ics }],
  };
}

/** What a message adds to the appointment's facts: which event, the link, and a change's or cancellation's extras. */
export type MessageExtras = Pick<AppointmentMessageFacts, "event" | "manageUrl"> &
  Pick<Partial<AppointmentMessageFacts>, "previous" | "sharedReason" | "cancelledByClient">;

/** The email for an appointment read with lockAppointmentFacts: confirmations, changes, cancellations, reminders. */
export function renderFactsEmail(a: AppointmentFacts, extras: MessageExtras): Promise<RenderedEmail> {
  return renderAppointmentEmail(
    {
      clinicName: a.clinicName,
      locale: a.locale,
      timeZone: a.timeZone,
      clientName: a.preferredName ?? a.firstName,
      typeName: a.typeName,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      therapistName: a.therapistName,
      roomName: a.roomName,
      cancellationNoticeHours: a.noticeHours,
      ...extras,
    },
    { appointmentId: a.id, version: a.version, updatedAt: a.updatedAt },
  );
}
