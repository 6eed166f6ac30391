import "server-only";
import { subMonths } from "date-fns";
import { and, asc, desc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { appointments, appointmentTypes, clients, rooms, users } from "@/db/schema";
import { selectAppointmentView } from "@/lib/scheduling/appointments/view-query";
import type { Actor } from "@/lib/identity/actor";
import { assertCan, clientScope } from "@/lib/identity/scopes";
import { recordEvent } from "@/lib/audit/record-event";
import { notFound } from "@/lib/errors";
import {
  FLAG_LABELS,
  onlineBookingFlagKinds,
  type ClientAppointment,
  type ClientAppointments,
  type OnlineBookingFlag,
  type onlineBookingFlagBody,
} from "./schemas";

const LIST_LIMIT = 20;

/** "Repeated no-shows: 3 in March" ⇄ { kind: "no_shows", note: "3 in March" }. Unknown text reads as "other". */
export function parseFlag(reason: string | null): OnlineBookingFlag {
  if (reason === null) return { blocked: false, kind: null, note: "", reason: null };
  for (const kind of onlineBookingFlagKinds) {
    const label = FLAG_LABELS[kind];
    if (reason === label) return { blocked: true, kind, note: "", reason };
    if (reason.startsWith(`${label}: `)) return { blocked: true, kind, note: reason.slice(label.length + 2), reason };
  }
  return { blocked: true, kind: "other", note: reason, reason };
}

export function flagText(kind: keyof typeof FLAG_LABELS, note: string): string {
  return note ? `${FLAG_LABELS[kind]}: ${note}` : FLAG_LABELS[kind];
}

async function clientRow(db: Db, actor: Actor, clientId: string) {
  // Archived clients too: their history and flag still matter if they come back.
  const [row] = await db
    .select({ id: clients.id, reason: clients.doNotBookOnlineReason })
    .from(clients)
    .where(and(clientScope(actor), eq(clients.id, clientId)));
  if (!row) throw notFound("That client");
  return row;
}

async function appointmentList(
  db: Db,
  actor: Actor,
  clientId: string,
  when: SQL,
  order: SQL,
): Promise<ClientAppointment[]> {
  const rows = await selectAppointmentView(db, {
    id: appointments.id,
    startsAt: appointments.startsAt,
    endsAt: appointments.endsAt,
    status: appointments.status,
    lateCancellation: appointments.lateCancellation,
    cancelReason: appointments.cancelReason,
    seriesId: appointments.seriesId,
    typeName: appointmentTypes.name,
    therapistName: users.name,
    roomName: rooms.name,
  })
    .where(and(eq(appointments.clinicId, actor.clinicId), eq(appointments.clientId, clientId), when))
    .orderBy(order)
    .limit(LIST_LIMIT);
  return rows.map((r) => ({ ...r, startsAt: r.startsAt.toISOString(), endsAt: r.endsAt.toISOString() }));
}

/**
 * A client's appointments for the front desk: upcoming and recent, no-shows and late
 * cancellations over the last 12 months, and the "do not book online" flag. Scheduling data
 * only (never visit notes), because admins without clinical access see it.
 */
export async function getClientAppointments(
  db: Db,
  actor: Actor,
  clientId: string,
  now = new Date(),
): Promise<ClientAppointments> {
  assertCan(actor, "schedule.manage");
  const client = await clientRow(db, actor, clientId);
  // A late cancellation counts even while its appointment is still ahead (cancelled yesterday for tomorrow).
  const since = subMonths(now, 12);
  const [upcoming, recent, [counts]] = [
    await appointmentList(db, actor, clientId, gte(appointments.startsAt, now), asc(appointments.startsAt)),
    await appointmentList(db, actor, clientId, lt(appointments.startsAt, now), desc(appointments.startsAt)),
    await db
      .select({
        noShows: sql<number>`count(*) filter (where ${appointments.status} = 'no_show')::int`,
        lateCancellations: sql<number>`count(*) filter (where ${appointments.lateCancellation} and ${appointments.status} = 'cancelled')::int`,
      })
      .from(appointments)
      .where(
        and(
          eq(appointments.clinicId, actor.clinicId),
          eq(appointments.clientId, clientId),
          gte(appointments.startsAt, since),
        ),
      ),
  ];
  return {
    upcoming,
    recent,
    counts: {
      noShows: counts?.noShows ?? 0,
      lateCancellations: counts?.lateCancellations ?? 0,
      since: since.toISOString(),
    },
    flag: parseFlag(client.reason),
  };
}

/** Blocks online booking for a client (staff can still book them), with the reason. */
export async function setOnlineBookingFlag(
  db: Db,
  actor: Actor,
  clientId: string,
  input: z.output<typeof onlineBookingFlagBody>,
): Promise<OnlineBookingFlag> {
  assertCan(actor, "schedule.manage");
  await clientRow(db, actor, clientId);
  const reason = flagText(input.kind, input.note);
  await db.transaction(async (tx) => {
    await tx
      .update(clients)
      .set({ doNotBookOnlineReason: reason })
      .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
    // The kind only: the note is free text.
    await recordEvent(tx, actor, {
      action: "client.online_booking_blocked",
      entityType: "client",
      entityId: clientId,
      details: { kind: input.kind },
    });
  });
  return parseFlag(reason);
}

export async function clearOnlineBookingFlag(db: Db, actor: Actor, clientId: string): Promise<OnlineBookingFlag> {
  assertCan(actor, "schedule.manage");
  const client = await clientRow(db, actor, clientId);
  if (client.reason === null) return parseFlag(null);
  await db.transaction(async (tx) => {
    await tx
      .update(clients)
      .set({ doNotBookOnlineReason: null })
      .where(and(eq(clients.clinicId, actor.clinicId), eq(clients.id, clientId)));
    await recordEvent(tx, actor, {
      action: "client.online_booking_allowed",
      entityType: "client",
      entityId: clientId,
      details: { previousKind: parseFlag(client.reason).kind },
    });
  });
  return parseFlag(null);
}
