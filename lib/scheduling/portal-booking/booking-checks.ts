import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointmentTypes } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { clinicScope } from "@/lib/identity/scopes";
import { conflict, notFound } from "@/lib/errors";
import { portalPolicy } from "./portal-appointments";
import type { OnlineType } from "./slot-search";

/** One wording for every refusal, so a flagged client learns nothing about why. */
export const CALL_TO_BOOK = "Please call the clinic to book.";

export const MESSAGES = {
  clinicOff: (clinic: string) => `${clinic} does not take bookings online. ${CALL_TO_BOOK}`,
  unavailable: `Online booking isn't available at the moment. ${CALL_TO_BOOK}`,
  typeNotOnline: `This kind of appointment can't be booked online. ${CALL_TO_BOOK}`,
  tooMany: (n: number) => `You already have ${n} upcoming appointments. Please call the clinic to book more.`,
  slotGone: "Sorry, that time is no longer free. Please choose another time.",
  overlapsOwn: "You already have an appointment at that time. Please choose another time.",
  keyReused: "This booking request was already used for a different booking. Please refresh the page and try again.",
};

/** A client may hold this many upcoming appointments before the portal sends them to the phone. */
export const MAX_UPCOMING = 6;

/** Why this client may not book online now, or null. The flag's reason is never passed on. */
export function refusal(policy: Awaited<ReturnType<typeof portalPolicy>>): string | null {
  if (!policy.onlineBooking) return MESSAGES.clinicOff(policy.name);
  if (policy.flagged) return MESSAGES.unavailable;
  return null;
}

async function onlineTypeOrThrow(db: Db, actor: Actor, typeId: string): Promise<OnlineType> {
  const [type] = await db
    .select()
    .from(appointmentTypes)
    .where(
      and(clinicScope(actor, appointmentTypes), eq(appointmentTypes.id, typeId), isNull(appointmentTypes.archivedAt)),
    );
  if (!type) throw notFound("That appointment type");
  return type;
}

export async function assertMayBook(db: Db, actor: Actor, typeId: string) {
  const type = await onlineTypeOrThrow(db, actor, typeId);
  const policy = await portalPolicy(db, actor);
  const message = refusal(policy);
  if (message) throw conflict(message);
  if (!type.bookableOnline) throw conflict(MESSAGES.typeNotOnline);
  return { type, policy };
}
