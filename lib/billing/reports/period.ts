import "server-only";
import type { Actor } from "@/lib/identity/actor";
import { localDateIn } from "../rules/dates";

/** The period a report covers: as asked, else from the first of this month to today (clinic zone). */
export function periodOf(actor: Actor, q: { from?: string; to?: string }) {
  const today = localDateIn(new Date(), actor.clinicTimezone);
  return { from: q.from ?? `${today.slice(0, 8)}01`, to: q.to ?? today };
}

export const todayFor = (actor: Actor) => localDateIn(new Date(), actor.clinicTimezone);
