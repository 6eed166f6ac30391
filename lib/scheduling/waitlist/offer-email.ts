import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { clients, clinics } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { enqueueEmail, recordSkippedEmail } from "@/lib/delivery/email/outbox";
import { formatFor } from "@/lib/format/clinic-format";
import { renderNoticeEmail } from "@/lib/delivery/email/notice-email";

export interface OfferedSlot {
  start: Date;
  end: Date;
  typeName: string;
  therapistName: string;
}

/**
 * Tells a waiting client that a time which fits their request has come up (the desk pressed
 * "Offer"). Written in the offer's transaction, so it exists only if the offer does. The time is
 * not held for them, and the message says so. Only the client's own details go in: the freed
 * appointment was someone else's, so it is not linked to this message.
 */
export async function emailWaitlistOffer(tx: Db, actor: Actor, clientId: string, slot: OfferedSlot) {
  const [client] = await tx
    .select({ email: clients.email, firstName: clients.firstName })
    .from(clients)
    .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
  const [clinic] = await tx.select({ name: clinics.name }).from(clinics).where(eq(clinics.id, actor.clinicId));
  const f = formatFor(actor);
  const when = `${f.at(slot.start, "dateFull")}, ${f.timeRange(slot.start, slot.end)}`;
  const subject = `A time has come up at ${clinic!.name}: ${f.at(slot.start, "weekdayTime")}`;
  const mail = { clinicId: actor.clinicId, clientId, kind: "waitlist.offer", subject };
  if (!client?.email) return recordSkippedEmail(tx, mail, "no email address");
  const rendered = await renderNoticeEmail({
    subject,
    heading: "A time has come up",
    lead: `${clinic!.name} has a ${slot.typeName} appointment free on ${when} with ${slot.therapistName}. It fits what you asked for on the waiting list.`,
    action: null,
    notes: [
      "The time is not held for you. To take it, call the clinic or reply to this email.",
      `Times are the clinic's local time (${actor.clinicTimezone}).`,
    ],
    clinicName: clinic!.name,
    lang: actor.clinicLocale,
  });
  return enqueueEmail(tx, { ...mail, to: client.email, ...rendered });
}
