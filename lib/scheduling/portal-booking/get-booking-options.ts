import "server-only";
import type { Db } from "@/db/client";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { portalPolicy } from "./portal-appointments";
import { onlineTypesWithTherapists } from "./slot-search";
import type { BookingOptionsDto } from "./schemas";
import { refusal, CALL_TO_BOOK } from "./booking-checks";

/** What the client may book: the clinic's online types with who offers them, or why not. */
export async function getBookingOptions(db: Db, actor: Actor): Promise<BookingOptionsDto> {
  assertCan(actor, "portal.self");
  const policy = await portalPolicy(db, actor);
  const base = {
    clinicName: policy.name,
    timeZone: actor.clinicTimezone,
    cancellationNoticeHours: policy.cancellationNoticeHours,
  };
  const message = refusal(policy);
  if (message) return { ...base, canBook: false, message, types: [] };
  const types = await onlineTypesWithTherapists(db, actor);
  const withTherapists = types.filter((t) => t.therapists.length > 0);
  return withTherapists.length === 0
    ? { ...base, canBook: false, message: `Nothing can be booked online just now. ${CALL_TO_BOOK}`, types: [] }
    : { ...base, canBook: true, message: null, types: withTherapists };
}
