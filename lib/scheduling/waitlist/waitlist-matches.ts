import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { appointments } from "@/db/schema";
import type { Actor } from "@/lib/identity/actor";
import { assertCan } from "@/lib/identity/scopes";
import { notFound } from "@/lib/errors";
import { toEntryDtos } from "./entry-lookups";
import type { SlotMatchesDto } from "./schemas";
import { slotRows, matchingContext, matchesFor } from "./slot-matching";

/**
 * The waiting clients who would take the slot of an appointment (usually just cancelled),
 * best match first, each with the reasons they fit. Works for a still-booked appointment
 * too (`slot.free` says whether it can be booked now).
 */
export async function waitlistMatches(db: Db, actor: Actor, appointmentId: string): Promise<SlotMatchesDto> {
  assertCan(actor, "schedule.manage");
  const [slot] = await slotRows(db, actor, eq(appointments.id, appointmentId));
  if (!slot) throw notFound("That appointment");
  const ctx = await matchingContext(db, actor);
  const found = matchesFor(ctx, slot, actor.clinicTimezone);
  const dtos = await toEntryDtos(
    db,
    actor,
    found.map((f) => f.entry),
  );
  const { start: _s, end: _e, blocksUntil: _b, clientId: _c, ...dto } = slot;
  return { slot: dto, matches: found.map((f, i) => ({ entry: dtos[i]!, score: f.score, reasons: f.reasons })) };
}
